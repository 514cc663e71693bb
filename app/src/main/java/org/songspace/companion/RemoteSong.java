package org.songspace.companion;

import com.fasterxml.jackson.databind.JsonNode;

/** A song as the other server knows it: what its {@code Child} says that can tie it to an indexed track. */
public record RemoteSong(String id, String path, String title, String artist, String album, int durationSeconds,
                         String musicBrainzId, String isrc) {

    static RemoteSong of(JsonNode child) {
        JsonNode isrc = child.path("isrc");
        String firstIsrc = isrc.isArray() && !isrc.isEmpty() ? isrc.get(0).asText() : isrc.isTextual() ? isrc.asText() : null;
        return new RemoteSong(child.path("id").asText(), text(child, "path"), text(child, "title"), text(child, "artist"),
                text(child, "album"), child.path("duration").asInt(0), text(child, "musicBrainzId"), firstIsrc);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
