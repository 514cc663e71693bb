package org.songspace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.songspace.cli.TestPipeline;

/** The JSON API over real HTTP, on an index of a quick demo run. */
class WebServerTest {
    static WebServer server;
    static String base;
    static TestPipeline.Built built;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        built = TestPipeline.shared();
        server = new WebServer(built.index());
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void tracksSimilarAndAudio() throws Exception {
        HttpResponse<byte[]> tracks = get("/api/tracks");
        assertEquals(200, tracks.statusCode());
        JsonNode body = JSON.readTree(tracks.body());
        assertEquals(40, body.get("tracks").size());
        assertTrue(body.get("tracks").get(0).has("x"));
        assertTrue(body.get("tracks").get(0).get("title").asText().contains("piece"), "titles come from the manifest");
        assertEquals(10, body.get("labels").size());

        HttpResponse<byte[]> similar = get("/api/similar/rock/rock.00001?k=5");
        assertEquals(200, similar.statusCode(), new String(similar.body(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode results = JSON.readTree(similar.body()).get("results");
        assertEquals(5, results.size());
        for (JsonNode r : results) {
            assertFalse(r.get("id").asText().equals("rock/rock.00001"));
        }

        JsonNode mp = JSON.readTree(get("/api/similar/rock/rock.00001?k=5&mutualProximity=true").body()).get("results");
        assertEquals(5, mp.size());
        for (JsonNode r : mp) {
            double p = r.get("mutualProximity").asDouble();
            assertTrue(p >= 0 && p <= 1, "mutual proximity is a probability: " + p);
        }
        assertTrue(results.get(0).get("mutualProximity").isNull(), "plain results carry no mutual proximity");
        // A learned model ranks by cosine unless asked; the map's checkbox starts from what the index says.
        assertFalse(body.get("mutualProximity").asBoolean(), "learned embeddings: plain cosine by default");
        JsonNode off = JSON.readTree(get("/api/similar/rock/rock.00001?k=5&mutualProximity=false").body()).get("results");
        assertEquals(results.get(0).get("id").asText(), off.get(0).get("id").asText());
        HttpResponse<byte[]> bad = get("/api/similar/rock/rock.00001?k=5&mutualProximity=maybe");
        assertEquals(400, bad.statusCode(), "a flag that is neither true nor false is refused");
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("mutualProximity"));

        HttpResponse<byte[]> audio = get("/api/audio/rock/rock.00001");
        assertEquals(200, audio.statusCode());
        assertEquals("RIFF", new String(audio.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(Files.size(built.corpus().resolve("rock/rock.00001.wav")), audio.body().length);

        HttpResponse<byte[]> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<canvas id=\"map\""));
    }

    @Test
    void mixesFromSeveralSeedsAndPathsForScripts() throws Exception {
        HttpResponse<byte[]> mix = get("/api/mix?seed=rock/rock.00000&seed=jazz/jazz.00001&count=6&artistWindow=0");
        assertEquals(200, mix.statusCode(), new String(mix.body(), StandardCharsets.UTF_8));
        JsonNode results = JSON.readTree(mix.body()).get("results");
        assertEquals(6, results.size());
        for (JsonNode m : results) {
            assertFalse(List.of("rock/rock.00000", "jazz/jazz.00001").contains(m.get("id").asText()), "never a seed");
        }
        HttpResponse<byte[]> path = get("/api/path?start=rock/rock.00000&end=jazz/jazz.00001&count=5");
        JsonNode steps = JSON.readTree(path.body()).get("results");
        assertEquals("rock/rock.00000", steps.get(0).get("id").asText());
        assertEquals("jazz/jazz.00001", steps.get(steps.size() - 1).get("id").asText());
        assertEquals(404, get("/api/mix?seed=no/such-track").statusCode());
        assertEquals(400, get("/api/mix").statusCode());
        assertEquals(400, get("/api/mix?seed=rock/rock.00000&count=0").statusCode());
    }

    @Test
    void badIdsAndPathTraversalAreRefused() throws Exception {
        assertEquals(404, get("/api/similar/no/such-track").statusCode());
        assertEquals(404, get("/api/audio/no-such-track").statusCode());
        for (String attack : List.of("/api/audio/../../../../etc/passwd", "/api/audio/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/audio/%2Fetc%2Fpasswd", "/api/audio/rock/..%2F..%2Fmanifest.csv")) {
            HttpResponse<byte[]> r = get(attack);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, attack + " -> " + r.statusCode());
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("root:"), attack + " leaked a file");
        }
        assertEquals(400, get("/api/similar/rock/rock.00001?k=abc").statusCode());
    }

    @Test
    void uploadsAreEmbeddedAndBadOnesRefusedWithNothingStored() throws Exception {
        long filesBefore = countFiles(built.index());
        HttpResponse<byte[]> ok = upload("song.wav", Files.readAllBytes(built.corpus().resolve("jazz/jazz.00002.wav")));
        assertEquals(200, ok.statusCode(), new String(ok.body(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(ok.body());
        assertEquals(10, body.get("results").size());
        assertTrue(body.has("x") && body.has("y"));

        HttpResponse<byte[]> text = upload("notes.wav", "definitely not audio".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        assertTrue(new String(text.body(), StandardCharsets.UTF_8).contains("not a recognised audio format"));

        byte[] huge = new byte[(int) MapApi.MAX_UPLOAD_BYTES + 2048];
        HttpResponse<byte[]> tooBig = upload("huge.wav", huge);
        assertTrue(tooBig.statusCode() == 413 || tooBig.statusCode() == 400, "oversized upload -> " + tooBig.statusCode());
        assertEquals(filesBefore, countFiles(built.index()), "uploads must not be stored in the index folder");
    }

    @Test
    void anUploadedCopyOfAnIndexedFileComesBackFirst() throws Exception {
        // Catches drift between what index stored and what an on-the-fly embedding computes.
        HttpResponse<byte[]> r = upload("copy.wav", Files.readAllBytes(built.corpus().resolve("metal/metal.00003.wav")));
        assertEquals(200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode first = JSON.readTree(r.body()).get("results").get(0);
        assertEquals("metal/metal.00003", first.get("id").asText());
        assertTrue(first.get("similarity").asDouble() >= 0.999, first.toString());
    }

    @Test
    void uploadsAreEmbeddedConcurrently() throws Exception {
        byte[] song = Files.readAllBytes(built.corpus().resolve("jazz/jazz.00001.wav"));
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> running = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return upload("song.wav", song);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var f : running) {
            assertEquals(200, f.get().statusCode());
        }
    }

    @Test
    void aPortInUseIsSaidAndNothingIsLeftOpen() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
             WebServer second = new WebServer(built.index())) {
            org.songspace.io.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.songspace.io.UserError.class,
                    () -> second.start("127.0.0.1", taken.getLocalPort()));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), e.getMessage());
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static HttpResponse<byte[]> upload(String name, byte[] content) throws Exception {
        return upload(base + "/api/query", name, content);
    }

    static HttpResponse<byte[]> upload(String url, String name, byte[] content) throws Exception {
        String boundary = "----songspace" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
