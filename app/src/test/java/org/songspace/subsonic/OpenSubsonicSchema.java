package org.songspace.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON answers against the OpenSubsonic spec's published JSON schemas (openapi/schemas in
 * opensubsonic/open-subsonic-api, 2026-07): for each type, its required properties and the JSON type of
 * every property songspace sends, enums included. Written from the schemas, not copied: a property is
 * "string", "integer", "number", "boolean", another type's name, "[]" + a type for an array, or
 * "enum:a|b" for a string enum.
 */
final class OpenSubsonicSchema {
    record Type(Set<String> required, Map<String, String> properties) {
    }

    static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("SubsonicResponse", new Type(Set.of("status", "version", "type", "serverVersion", "openSubsonic"),
                    Map.of("status", "enum:ok|failed", "version", "string", "type", "string", "serverVersion", "string",
                            "openSubsonic", "boolean", "error", "Error"))),
            Map.entry("Error", new Type(Set.of("code"), Map.of("code", "code", "message", "string", "helpUrl", "string"))),
            Map.entry("Child", new Type(Set.of("id", "isDir", "title"), Map.ofEntries(
                    Map.entry("id", "string"), Map.entry("parent", "string"), Map.entry("isDir", "boolean"),
                    Map.entry("title", "string"), Map.entry("album", "string"), Map.entry("artist", "string"),
                    Map.entry("track", "integer"), Map.entry("year", "integer"), Map.entry("genre", "string"),
                    Map.entry("coverArt", "string"), Map.entry("size", "integer"), Map.entry("contentType", "string"),
                    Map.entry("suffix", "string"), Map.entry("duration", "integer"), Map.entry("bitRate", "integer"),
                    Map.entry("path", "string"), Map.entry("isVideo", "boolean"), Map.entry("created", "string"),
                    Map.entry("albumId", "string"), Map.entry("artistId", "string"),
                    Map.entry("type", "enum:music|video|podcast|audiobook"), Map.entry("mediaType", "enum:song|album|artist"),
                    Map.entry("musicBrainzId", "string"), Map.entry("isrc", "[]string")))),
            Map.entry("SonicMatch", new Type(Set.of("entry", "similarity"), Map.of("entry", "Child", "similarity", "number"))),
            Map.entry("AlbumID3", new Type(Set.of("id", "name", "songCount", "duration", "created"), Map.ofEntries(
                    Map.entry("id", "string"), Map.entry("name", "string"), Map.entry("artist", "string"),
                    Map.entry("artistId", "string"), Map.entry("coverArt", "string"), Map.entry("songCount", "integer"),
                    Map.entry("duration", "integer"), Map.entry("created", "string"), Map.entry("year", "integer"),
                    Map.entry("genre", "string"), Map.entry("musicBrainzId", "string"), Map.entry("song", "[]Child")))),
            Map.entry("ArtistID3", new Type(Set.of("id", "name"), Map.of("id", "string", "name", "string",
                    "albumCount", "integer", "musicBrainzId", "string", "album", "[]AlbumID3"))),
            Map.entry("SearchResult3", new Type(Set.of(), Map.of("artist", "[]ArtistID3", "album", "[]AlbumID3", "song", "[]Child"))),
            Map.entry("License", new Type(Set.of("valid"), Map.of("valid", "boolean", "email", "string"))),
            Map.entry("MusicFolders", new Type(Set.of(), Map.of("musicFolder", "[]MusicFolder"))),
            Map.entry("MusicFolder", new Type(Set.of("id"), Map.of("id", "integer", "name", "string"))),
            Map.entry("OpenSubsonicExtension", new Type(Set.of("name", "versions"), Map.of("name", "string", "versions", "[]integer"))));

    /** The error codes the spec's Error schema allows. */
    static final Set<Integer> ERROR_CODES = Set.of(0, 10, 20, 30, 40, 41, 42, 43, 44, 50, 60, 70);

    private OpenSubsonicSchema() {
    }

    /** Problems of {@code node} as a {@code type}, each with its JSON path; empty when it conforms. */
    static List<String> check(String type, JsonNode node, String where) {
        List<String> problems = new ArrayList<>();
        checkValue(type, node, where, problems);
        return problems;
    }

    private static void checkValue(String spec, JsonNode node, String where, List<String> problems) {
        if (spec.startsWith("[]")) {
            if (!node.isArray()) {
                problems.add(where + ": expected an array");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                checkValue(spec.substring(2), node.get(i), where + "[" + i + "]", problems);
            }
            return;
        }
        if (spec.startsWith("enum:")) {
            if (!node.isTextual() || !Set.of(spec.substring(5).split("\\|")).contains(node.asText())) {
                problems.add(where + ": expected one of " + spec.substring(5) + ", got " + node);
            }
            return;
        }
        boolean ok = switch (spec) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            case "code" -> node.isIntegralNumber() && ERROR_CODES.contains(node.asInt());
            default -> checkObject(TYPES.get(spec), spec, node, where, problems);
        };
        if (!ok) {
            problems.add(where + ": expected " + spec + ", got " + node);
        }
    }

    private static boolean checkObject(Type type, String name, JsonNode node, String where, List<String> problems) {
        if (type == null) {
            throw new IllegalArgumentException("no schema for " + name);
        }
        if (!node.isObject()) {
            return false;
        }
        for (String r : type.required()) {
            if (!node.has(r)) {
                problems.add(where + ": " + name + " lacks required " + r);
            }
        }
        type.properties().forEach((p, spec) -> {
            if (node.has(p)) {
                checkValue(spec, node.get(p), where + "." + p, problems);
            }
        });
        return true;
    }
}
