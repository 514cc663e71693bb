package org.songspace.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.access.Accounts;
import org.songspace.cli.TestPipeline;
import org.songspace.io.UserError;

/**
 * The server as an attacker on the home network meets it, started as {@code serve INDEX --users FILE}:
 * one test per defect of the report "Safe to put on a home network" (ranges, /api without login, range
 * faults, XML, users file, work before authentication, crashes and costs).
 */
class ServerSafetyTest {
    static final String SONG = "rock/rock.00001";
    static final String KEY = "alice-key-0123456789abcdef";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static TestPipeline.Built built;
    static WebServer server;
    static int port;
    static String base;
    static byte[] file;

    @BeforeAll
    static void start() throws Exception {
        built = TestPipeline.shared();
        server = new WebServer(built.index(), secret("users", "alice:s3cret pass\ncarol:pa:ss\n"), secret("keys", "alice:" + KEY + "\n"));
        port = server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + port;
        file = Files.readAllBytes(built.corpus().resolve(SONG + ".wav"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Path secret(String name, String content) throws Exception {
        return org.songspace.cli.TestSupport.secret(tmp, name, content);
    }

    static String subsonicAuth() {
        return "u=alice&t=" + Accounts.md5Hex("s3cret pass" + "a1b2c3") + "&s=a1b2c3&v=1.16.1&c=test";
    }

    static HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(1))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return send("GET", path, h);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The two ways to the same file: the map's audio route (with an API key) and Subsonic's stream. */
    static List<String> audioRoutes() {
        return List.of("/api/audio/" + SONG + "?apiKey=" + KEY, "/rest/stream?" + subsonicAuth() + "&id=" + SONG);
    }

    // 1. One request past the end of a file pinned a core forever.
    @Test
    void aRangePastTheEndIs416WithinASecondAndLeavesNoBusyThread() throws Exception {
        for (String route : audioRoutes()) {
            for (long start : new long[] {file.length, file.length + 1, 10L * file.length}) {
                HttpResponse<byte[]> r = get(route, "Range", "bytes=" + start + "-");
                assertEquals(416, r.statusCode(), route);
                assertEquals("bytes */" + file.length, r.headers().firstValue("Content-Range").orElse(""), route);
                assertEquals(0, r.body().length);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
        Thread.sleep(1000);
        for (long id : threads.getAllThreadIds()) {
            long was = before.getOrDefault(id, 0L);
            long now = threads.getThreadCpuTime(id);
            assertTrue(was < 0 || now - was < 300_000_000L, "thread " + threads.getThreadInfo(id) + " kept busy: "
                    + (now - was) / 1_000_000 + " ms of CPU in a second");
        }
    }

    // 2. /api/* answered anyone although the server was started with --users.
    @Test
    void everyRouteNeedsALogin() throws Exception {
        for (String path : List.of("/api/tracks", "/api/audio/" + SONG, "/api/similar/" + SONG, "/api/mix?seed=" + SONG,
                "/api/path?start=" + SONG + "&end=jazz/jazz.00001")) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(401, r.statusCode(), path + ": " + text(r));
            assertFalse(text(r).contains(built.corpus().toString()), "no library path leaks");
        }
        HttpResponse<byte[]> upload = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/query"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, upload.statusCode());
        for (String page : List.of("/", "/index.html", "/app.js")) {
            HttpResponse<byte[]> r = get(page);
            assertEquals(303, r.statusCode(), page);
            assertEquals("/login", r.headers().firstValue("Location").orElse(""));
        }
        assertTrue(text(get("/login")).contains("<form id=\"login\" method=\"post\" action=\"/login\">"));
        // Scripts: the Subsonic credential parameters.
        assertEquals(200, get("/api/tracks?apiKey=" + KEY).statusCode());
        assertEquals(200, get("/api/tracks?" + subsonicAuth()).statusCode());
        assertEquals(200, get("/api/tracks?u=carol&p=pa:ss").statusCode(), "a password may hold a colon");
        assertEquals(401, get("/api/tracks?u=carol&p=pa").statusCode());
        assertEquals(401, get("/api/tracks?apiKey=ss").statusCode());
    }

    @Test
    void aBrowserLogsInWithAStrictHttpOnlyCookieAndOut() throws Exception {
        HttpResponse<byte[]> wrong = login("alice", "nope", Map.of());
        assertEquals("/login?failed", wrong.headers().firstValue("Location").orElse(""));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<byte[]> ok = login("alice", "s3cret pass", Map.of());
        assertEquals(303, ok.statusCode());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<byte[]> tracks = get("/api/tracks", "Cookie", cookie);
        assertEquals(200, tracks.statusCode());
        assertEquals("alice", JSON.readTree(tracks.body()).get("user").asText());
        assertEquals(200, get("/", "Cookie", cookie).statusCode());
        assertEquals(401, get("/api/tracks", "Cookie", cookie + "x").statusCode(), "a forged session is refused");

        String overTls = login("alice", "s3cret pass", Map.of("X-Forwarded-Proto", "https")).headers()
                .firstValue("Set-Cookie").orElseThrow();
        assertTrue(overTls.contains("; Secure"), overTls);

        HttpResponse<byte[]> out = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/logout")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, out.statusCode());
        assertEquals(401, get("/api/tracks", "Cookie", cookie).statusCode(), "logged out");
    }

    static HttpResponse<byte[]> login(String name, String password, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void withoutUsersOnlyLoopbackIsServed() throws Exception {
        try (WebServer open = new WebServer(built.index())) {
            UserError e = assertThrows(UserError.class, () -> open.start("0.0.0.0", 0));
            assertTrue(e.getMessage().contains("--users"), e.getMessage());
        }
        try (WebServer local = new WebServer(built.index())) {
            assertTrue(local.start("localhost", 0) > 0);
        }
    }

    // 3. Range faults on both front ends.
    @Test
    void rangesFollowRfc9110OnBothFrontEnds() throws Exception {
        int n = file.length;
        for (String route : audioRoutes()) {
            for (String whole : List.of("bytes=5-2", "bytes=abc-", "bytes", "items=0-5", "bytes=0-1,5-9")) {
                HttpResponse<byte[]> r = get(route, "Range", whole);
                assertEquals(200, r.statusCode(), route + " " + whole);
                assertArrayEquals(file, r.body(), whole);
            }
            HttpResponse<byte[]> tail = get(route, "Range", "bytes=-100");
            assertEquals(206, tail.statusCode());
            assertArrayEquals(Arrays.copyOfRange(file, n - 100, n), tail.body(), "the last 100 bytes");
            assertEquals("bytes " + (n - 100) + "-" + (n - 1) + "/" + n, tail.headers().firstValue("Content-Range").orElse(""));
            HttpResponse<byte[]> clipped = get(route, "Range", "bytes=0-999999999");
            assertEquals(206, clipped.statusCode());
            assertEquals("bytes 0-" + (n - 1) + "/" + n, clipped.headers().firstValue("Content-Range").orElse(""));
            assertEquals(416, get(route, "Range", "bytes=-0").statusCode());
            assertEquals("bytes", get(route).headers().firstValue("Accept-Ranges").orElse(""));
            assertEquals("audio/wav", get(route).headers().firstValue("Content-Type").orElse(""), "no charset on audio");

            HttpResponse<byte[]> head = send("HEAD", route, Map.of());
            assertEquals(200, head.statusCode(), route);
            assertEquals(String.valueOf(n), head.headers().firstValue("Content-Length").orElse(""));
            assertEquals("audio/wav", head.headers().firstValue("Content-Type").orElse(""));
        }
        HttpResponse<byte[]> headMissing = send("HEAD", "/rest/stream?" + subsonicAuth() + "&id=no-such-song", Map.of());
        assertTrue(headMissing.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
                "HEAD of an unknown song is the error envelope's head, not an empty 200: " + headMissing.headers());
    }

    // 4. Control characters made XML answers unparsable.
    @Test
    void xmlAnswersParseWhateverTheRequestHolds() throws Exception {
        HttpResponse<byte[]> r = get("/rest/getSong?" + subsonicAuth() + "&id=%01%02%1b");
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.body()));
        assertEquals("subsonic-response", doc.getDocumentElement().getTagName());
        assertEquals("70", ((org.w3c.dom.Element) doc.getElementsByTagName("error").item(0)).getAttribute("code"));
    }

    @Test
    void aTagWithControlCharactersStillGivesParsableXml() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.songspace.io.ExternalTools.onPath("ffmpeg"),
                "Debian's ffmpeg is not installed: the tagged fixture cannot be made");
        Path library = Files.createDirectories(tmp.resolve("control-library"));
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=330:duration=4",
                "-c:a", "libmp3lame", "-metadata", "title=Bad\u0001Title\u001b", "-metadata", "artist=Ctl\u0002Band",
                library.resolve("bad.mp3").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        Path index = tmp.resolve("control-index");
        org.songspace.cli.CliRun indexed = org.songspace.cli.CliRun.of("index", built.model().toString(), library.toString(),
                "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        try (WebServer tagged = new WebServer(index, secret("users-tagged", "alice:s3cret pass\n"))) {
            String at = "http://127.0.0.1:" + tagged.start("127.0.0.1", 0) + "/rest/";
            for (String call : List.of("getSong?id=bad", "getArtists?x=1", "search3?query=")) {
                byte[] xml = HTTP.send(HttpRequest.newBuilder(URI.create(at + call + "&" + subsonicAuth())).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new java.io.ByteArrayInputStream(xml));
                assertEquals("ok", doc.getDocumentElement().getAttribute("status"), call);
                String body = new String(xml, StandardCharsets.UTF_8);
                assertTrue(body.contains("BadTitle") || call.startsWith("getArtists"), body);
                assertTrue(body.contains("CtlBand"), body);
            }
        }
    }

    // 6. Work before authentication.
    @Test
    void nothingLargeIsReadBeforeAuthentication() throws Exception {
        for (String path : List.of("/rest/ping", "/login")) {
            long t0 = System.nanoTime();
            // Headers and the first 64 KB of a 40 MB form: the answer comes before the rest is sent.
            String answer = rawRequest("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: 40000000\r\n\r\n" + "a".repeat(64 * 1024));
            assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered without waiting for the body");
        }
        JsonNode unknown = JSON.readTree(get("/rest/noSuchMethod?f=json").body()).get("subsonic-response");
        assertEquals(10, unknown.get("error").get("code").asInt(), "credentials first, then the method: " + unknown);
        JsonNode emptySalt = JSON.readTree(get("/rest/ping?f=json&u=alice&s=&t=" + Accounts.md5Hex("s3cret pass"))
                .body()).get("subsonic-response");
        assertEquals(10, emptySalt.get("error").get("code").asInt(), emptySalt.toString());
        JsonNode apiKey = JSON.readTree(get("/rest/ping?f=json&apiKey=" + KEY).body()).get("subsonic-response");
        assertEquals("ok", apiKey.get("status").asText());
    }

    static String getRequest(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n";
    }

    static String rawRequest(String request) throws Exception {
        return rawRequest(request, 12);
    }

    /** The first {@code bytes} of the answer to {@code request}, sent as is over a socket. */
    static String rawRequest(String request, int bytes) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[bytes];
            int got = in.readNBytes(head, 0, head.length);
            return new String(head, 0, got, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void passwordGuessingIsSlowedOnEveryEntrance() throws Exception {
        try (WebServer guarded = new WebServer(built.index(), secret("users-guess", "alice:s3cret pass\n"))) {
            String at = "http://127.0.0.1:" + guarded.start("127.0.0.1", 0);
            for (int i = 0; i < org.songspace.access.FailedLogins.MAX_FAILURES; i++) {
                HTTP.send(HttpRequest.newBuilder(URI.create(at + "/rest/ping?u=alice&p=guess" + i)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            for (String path : List.of("/rest/ping?f=json&u=alice&p=s3cret%20pass", "/api/tracks?u=alice&p=s3cret%20pass")) {
                String body = new String(HTTP.send(HttpRequest.newBuilder(URI.create(at + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
                assertTrue(body.toLowerCase(java.util.Locale.ROOT).contains("too many failed logins"), path + ": " + body);
            }
        }
    }

    @Test
    void malformedEscapesAreBadRequestsNot500s() throws Exception {
        // Java's URI refuses such escapes, so these go out over a plain socket.
        assertTrue(rawRequest(getRequest("/api/similar/" + SONG + "?k=%zz&apiKey=" + KEY, "")).startsWith("HTTP/1.1 400"));
        String cookie = login("alice", "s3cret pass", Map.of()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertTrue(rawRequest(getRequest("/api/similar/" + SONG + "?k=%zz", "Cookie: " + cookie + "\r\n"))
                .startsWith("HTTP/1.1 400"));
        String envelope = rawRequest(getRequest("/rest/getSong?" + subsonicAuth() + "&id=%zz", ""), 4096);
        assertTrue(envelope.startsWith("HTTP/1.1 200") && envelope.contains("status=\"failed\""), envelope);
    }

    // 7. Crashes and costs.
    @Test
    void aHostileWavIsRefusedNotA500() throws Exception {
        // A real WAV with a LIST chunk declaring 0x7FFFFFFF bytes put before its 'fmt ' chunk.
        byte[] wav = new byte[file.length + 8];
        System.arraycopy(file, 0, wav, 0, 12);
        java.nio.ByteBuffer.wrap(wav, 12, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).put("LIST".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x7FFFFFFF);
        System.arraycopy(file, 12, wav, 20, file.length - 12);
        HttpResponse<byte[]> r = WebServerTest.upload(base + "/api/query?apiKey=" + KEY, "evil.wav", wav);
        assertEquals(415, r.statusCode(), text(r));
    }

    @Test
    void pathsAreCappedAndThePageSendsSecurityHeaders() throws Exception {
        HttpResponse<byte[]> tooLong = get("/api/path?apiKey=" + KEY + "&start=" + SONG + "&end=jazz/jazz.00001&count=1000");
        assertEquals(400, tooLong.statusCode(), text(tooLong));
        assertTrue(text(tooLong).contains("2 to 100"), text(tooLong));
        JsonNode path = JSON.readTree(get("/rest/findSonicPath?f=json&" + subsonicAuth() + "&startSongId=" + SONG
                + "&endSongId=jazz/jazz.00001&count=1000").body()).get("subsonic-response");
        assertEquals("ok", path.get("status").asText(), path.toString());
        HttpResponse<byte[]> page = get("/login");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
}
