package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's Subsonic client: calls a method with the given parameters and the user's API key, in JSON, and
 * checks every answer against the spec - the published schemas when their folder is given
 * ({@link PublishedSchemas}), and always the envelope.
 */
record SubsonicClient(String base, String apiKey) {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Parameters as name, value pairs (names may repeat). */
    static String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    HttpResponse<byte[]> raw(String method, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/" + method + "?apiKey=" + apiKey + "&v=1.16.1&c=test"
                + (query.isEmpty() ? "" : "&" + query))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The envelope of a JSON call, whatever its status, checked against the spec. */
    JsonNode call(String method, String... pairs) throws Exception {
        HttpResponse<byte[]> r = raw(method, query(pairs) + "&f=json");
        assertEquals(200, r.statusCode(), method);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (PublishedSchemas.available()) {
            List<String> problems = PublishedSchemas.problems(method, body);
            assertTrue(problems.isEmpty(), problems + "\n" + body);
        }
        JsonNode envelope = JSON.readTree(body).get("subsonic-response");
        List<String> problems = OpenSubsonicSchema.check("SubsonicResponse", envelope, method);
        assertTrue(problems.isEmpty(), problems.toString());
        return envelope;
    }

    JsonNode ok(String method, String... pairs) throws Exception {
        JsonNode e = call(method, pairs);
        assertEquals("ok", e.get("status").asText(), method + ": " + e);
        return e;
    }

    void fails(int code, String method, String... pairs) throws Exception {
        JsonNode e = call(method, pairs);
        assertEquals("failed", e.get("status").asText(), e.toString());
        assertEquals(code, e.get("error").get("code").asInt(), e.toString());
    }
}
