package org.songspace.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates answers with a JSON-schema library (networknt) against the OpenSubsonic spec's own files
 * ({@code openapi/} of opensubsonic/open-subsonic-api): for a method, the schema its OpenAPI endpoint file
 * gives for the 200 answer, with every {@code $ref} followed. The files are not in this repository (they
 * are the spec's, not ours): point {@code -Dopensubsonic.openapi=DIR} or {@code OPENSUBSONIC_OPENAPI} at a
 * checkout's {@code openapi} folder; without it, {@link #available()} is false and tests say they skip
 * this check.
 */
final class PublishedSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /** The library fetches nothing by itself: schema files are read from the given folder only. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(PublishedSchemas::readLocal));

    private PublishedSchemas() {
    }

    static Optional<Path> dir() {
        String configured = System.getProperty("opensubsonic.openapi", System.getenv("OPENSUBSONIC_OPENAPI"));
        Path dir = configured == null ? null : Path.of(configured);
        return dir != null && Files.isDirectory(dir.resolve("endpoints")) ? Optional.of(dir) : Optional.empty();
    }

    static boolean available() {
        return dir().isPresent();
    }

    static String whyNot() {
        return "the OpenSubsonic spec's openapi folder is not given (-Dopensubsonic.openapi=DIR or OPENSUBSONIC_OPENAPI): "
                + "answers are checked against the hand-written schema summary only";
    }

    /** Problems of a whole JSON answer ({@code {"subsonic-response": ...}}) to {@code method}; empty when valid. */
    static List<String> problems(String method, String body) {
        Schema schema = SCHEMAS.computeIfAbsent(method, PublishedSchemas::load);
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(e -> method + ": " + e).toList();
    }

    private static String readLocal(String iri) {
        if (!iri.startsWith("file:")) {
            return null;
        }
        try {
            return Files.readString(Path.of(java.net.URI.create(iri)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema of a method's JSON answer; for a method the spec does not have, or whose success is binary
     * (stream, getCoverArt: only their errors are JSON), the plain envelope's.
     */
    private static Schema load(String method) {
        Path dir = dir().orElseThrow(() -> new IllegalStateException(whyNot()));
        Path envelope = dir.resolve("schemas").resolve("SubsonicResponse.json");
        try {
            Path endpoint = dir.resolve("endpoints").resolve(method + ".json");
            if (!Files.isRegularFile(endpoint)) {
                return schemaAt(envelope);
            }
            JsonNode ok = JSON.readTree(endpoint.toFile()).get("get").get("responses").get("200");
            Path base = endpoint.getParent();
            if (ok.has("$ref")) {
                Path response = base.resolve(ok.get("$ref").asText()).normalize();
                ok = JSON.readTree(response.toFile());
                base = response.getParent();
            }
            JsonNode json = ok.path("content").path("application/json").path("schema").path("$ref");
            return json.isMissingNode() ? schemaAt(envelope) : schemaAt(base.resolve(json.asText()).normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schemaAt(Path file) {
        return REGISTRY.getSchema(SchemaLocation.of(file.toUri().toString()));
    }
}
