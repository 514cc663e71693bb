package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;
import org.songspace.io.UserError;
import org.songspace.similarity.SimilarityService;
import org.songspace.vectors.Vectors;
import org.songspace.web.WebServer;

/** The Subsonic API over real HTTP on the quick demo's index, every answer checked against the spec's schemas. */
class SubsonicApiTest {
    @TempDir
    static Path tmp;
    static WebServer server;
    static String base;
    static TestPipeline.Built built;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SALT = "c19b2d";
    static final String BOB_KEY = "bob-api-key-0123456789";

    static Path usersFile(String name, String content) throws Exception {
        return org.songspace.cli.TestSupport.secret(tmp, name, content);
    }

    @BeforeAll
    static void start() throws Exception {
        built = TestPipeline.shared();
        server = new WebServer(built.index(), usersFile("users", "# listeners\nalice:s3cret pass\nbob:hunter2\n"),
                usersFile("api-keys", "bob:" + BOB_KEY + "\n"));
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static String auth() {
        return "u=alice&t=" + org.songspace.access.Accounts.md5Hex("s3cret pass" + SALT) + "&s=" + SALT + "&v=1.16.1&c=test";
    }

    static HttpResponse<byte[]> raw(String method, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/" + method + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The envelope of a JSON call, checked against the schema; HTTP is 200 whatever the outcome. */
    static JsonNode call(String method, String query) throws Exception {
        HttpResponse<byte[]> r = raw(method, query + "&f=json");
        assertEquals(200, r.statusCode(), method);
        if (PublishedSchemas.available()) {
            List<String> published = PublishedSchemas.problems(method.replace(".view", ""), new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(published.isEmpty(), published.toString());
        }
        JsonNode envelope = JSON.readTree(r.body()).get("subsonic-response");
        List<String> problems = OpenSubsonicSchema.check("SubsonicResponse", envelope, method);
        assertTrue(problems.isEmpty(), problems.toString());
        return envelope;
    }

    static JsonNode ok(String method, String query) throws Exception {
        JsonNode e = call(method, auth() + query);
        assertEquals("ok", e.get("status").asText(), e.toString());
        assertTrue(e.get("openSubsonic").asBoolean());
        assertEquals("songspace", e.get("type").asText());
        return e;
    }

    static void failsWith(int code, String method, String query) throws Exception {
        JsonNode e = call(method, query);
        assertEquals("failed", e.get("status").asText(), e.toString());
        assertEquals(code, e.get("error").get("code").asInt(), e.toString());
    }

    static void conforms(String type, JsonNode node) {
        List<String> problems = OpenSubsonicSchema.check(type, node, type);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void extensionsNeedNoAuthAndListSonicSimilarity() throws Exception {
        JsonNode e = call("getOpenSubsonicExtensions", "v=1.16.1&c=test");
        assertEquals("ok", e.get("status").asText());
        boolean sonic = false;
        for (JsonNode x : e.get("openSubsonicExtensions")) {
            conforms("OpenSubsonicExtension", x);
            sonic |= x.get("name").asText().equals("sonicSimilarity") && x.get("versions").toString().equals("[1]");
        }
        assertTrue(sonic, e.toString());
        ok("ping.view", "");
        conforms("License", ok("getLicense", "").get("license"));
        conforms("MusicFolders", ok("getMusicFolders", "").get("musicFolders"));
    }

    @Test
    void everyAuthMechanismAndItsErrors() throws Exception {
        ok("ping", "");
        assertEquals("ok", call("ping", "u=alice&p=enc:" + java.util.HexFormat.of().formatHex("s3cret pass".getBytes(
                StandardCharsets.UTF_8)) + "&v=1.16.1&c=t").get("status").asText());
        assertEquals("ok", call("ping", "apiKey=" + BOB_KEY + "&v=1.16.1&c=t").get("status").asText());
        failsWith(40, "ping", "u=alice&t=" + org.songspace.access.Accounts.md5Hex("wrong" + SALT) + "&s=" + SALT);
        failsWith(40, "ping", "u=mallory&t=" + org.songspace.access.Accounts.md5Hex("s3cret pass" + SALT) + "&s=" + SALT);
        failsWith(10, "ping", "v=1.16.1&c=t");
        failsWith(43, "ping", "apiKey=" + BOB_KEY + "&u=bob");
        failsWith(44, "ping", "apiKey=nope");
        String xml = new String(raw("ping", "u=alice&p=wrong").body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<subsonic-response xmlns=\"http://subsonic.org/restapi\"") && xml.contains("status=\"failed\"")
                && xml.contains("<error code=\"40\""), xml);
    }

    @Test
    void missingParametersUnknownIdsAndPathsOutsideTheLibraryGiveNoFile() throws Exception {
        failsWith(10, "getSong", auth());
        failsWith(70, "getSong", auth() + "&id=no-such-song");
        failsWith(10, "findSonicPath", auth() + "&startSongId=rock/rock.00000");
        for (String id : List.of("../../../../etc/passwd", "/etc/passwd", built.corpus().resolve("rock/rock.00000.wav").toString())) {
            HttpResponse<byte[]> r = raw("stream", auth() + "&f=json&id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode());
            JsonNode error = JSON.readTree(r.body()).get("subsonic-response").get("error");
            assertEquals(70, error == null ? -1 : error.get("code").asInt(), "an envelope, not a file: " + id);
        }
        failsWith(70, "noSuchMethod", auth());
    }

    @Test
    void searchListsTheWholeLibraryInPagesAndSongsStreamWithRanges() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int offset = 0; offset < 100; offset += 7) {
            JsonNode page = ok("search3", "&query=&songCount=7&songOffset=" + offset + "&artistCount=0&albumCount=0").get("searchResult3");
            conforms("SearchResult3", page);
            for (JsonNode s : page.get("song")) {
                assertTrue(seen.add(s.get("id").asText()), "no song twice across pages");
            }
        }
        assertEquals(40, seen.size(), "an empty query lists every song");
        JsonNode hits = ok("search3", "&query=" + URLEncoder.encode("\"\"", StandardCharsets.UTF_8)).get("searchResult3");
        assertEquals(20, hits.get("song").size(), "'\"\"' is an empty query too; 20 songs by default");
        JsonNode song = ok("getSong", "&id=rock/rock.00000").get("song");
        conforms("Child", song);
        JsonNode album = ok("getAlbum", "&id=" + song.get("albumId").asText()).get("album");
        conforms("AlbumID3", album);
        assertTrue(album.get("song").size() >= 1);
        conforms("ArtistID3", ok("getArtist", "&id=" + song.get("artistId").asText()).get("artist"));

        byte[] file = Files.readAllBytes(built.corpus().resolve("rock/rock.00000.wav"));
        HttpResponse<byte[]> whole = raw("stream", auth() + "&id=rock/rock.00000");
        assertArrayEquals(file, whole.body(), "stream sends the original bytes");
        HttpResponse<byte[]> part = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/download.view?" + auth()
                + "&id=rock/rock.00000")).header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, 100, 200), part.body());
        failsWith(70, "getCoverArt", auth() + "&id=rock/rock.00000");
    }

    @Test
    void sonicSimilarTracksAndPaths() throws Exception {
        JsonNode similar = ok("getSonicSimilarTracks", "&id=rock/rock.00000&count=5").get("sonicMatch");
        assertEquals(5, similar.size());
        double last = 1;
        for (JsonNode m : similar) {
            conforms("SonicMatch", m);
            double s = m.get("similarity").asDouble();
            assertTrue(s >= 0 && s <= last, "in [0, 1], most similar first: " + similar);
            last = s;
            assertFalse(m.get("entry").get("id").asText().equals("rock/rock.00000"), "never the seed");
        }
        JsonNode path = ok("findSonicPath", "&startSongId=rock/rock.00000&endSongId=classical/classical.00003&count=8")
                .get("sonicMatch");
        assertTrue(path.size() >= 3 && path.size() <= 8, path.toString());
        assertEquals("rock/rock.00000", path.get(0).get("entry").get("id").asText());
        assertEquals("classical/classical.00003", path.get(path.size() - 1).get("entry").get("id").asText());
        assertEquals(1.0, path.get(0).get("similarity").asDouble(), 1e-9);
        Set<String> ids = new HashSet<>();
        try (SimilarityService service = SimilarityService.open(built.index())) {
            float[] end = service.resolve("classical/classical.00003").vector();
            double closer = -2;
            for (JsonNode m : path) {
                conforms("SonicMatch", m);
                String id = m.get("entry").get("id").asText();
                assertTrue(ids.add(id), "no repeats: " + path);
                double toEnd = Vectors.cosine(service.resolve(id).vector(), end);
                assertTrue(toEnd > closer, "every step closer to the end song: " + path);
                closer = toEnd;
            }
        }
        String xml = new String(raw("getSonicSimilarTracks", auth() + "&id=rock/rock.00000&count=2").body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<sonicMatch similarity=\"") && xml.contains("<entry id=\""), xml);
    }

    @Test
    void formPostCallsWorkLikeGets() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/getSong.view"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(auth() + "&f=json&id=" + URLEncoder.encode("rock/rock.00000",
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode e = JSON.readTree(r.body()).get("subsonic-response");
        assertEquals("ok", e.get("status").asText(), e.toString());
        conforms("Child", e.get("song"));
    }

    /** A picture in an MP3's ID3 tag comes back from getCoverArt, for the song and for its album. */
    @Test
    void coverArtEmbeddedInTheTagsIsServed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.songspace.io.ExternalTools.onPath("ffmpeg"),
                "Debian's ffmpeg is not installed: the cover-art fixture cannot be made");
        Path library = tmp.resolve("art-library");
        Files.createDirectories(library);
        Path song = library.resolve("with-cover.mp3");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                "-f", "lavfi", "-i", "color=c=red:s=64x64:d=1", "-map", "0:a", "-map", "1:v", "-frames:v", "1",
                "-c:a", "libmp3lame", "-c:v", "mjpeg", "-id3v2_version", "3", "-metadata", "album=Red Album",
                "-metadata", "artist=Red Band", "-metadata", "title=Red Song", "-disposition:v", "attached_pic",
                song.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        // A second album without embedded art but with a cover image beside it, and a third with neither.
        for (String album : List.of("Blue", "Bare")) {
            Path folder = Files.createDirectories(library.resolve(album.toLowerCase(java.util.Locale.ROOT)));
            Process q = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=330:duration=4",
                    "-c:a", "libmp3lame", "-metadata", "album=" + album + " Album", "-metadata", "artist=" + album + " Band",
                    "-metadata", "title=" + album + " Song", folder.resolve("song.mp3").toString()).redirectErrorStream(true).start();
            String qlog = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, q.waitFor(), qlog);
        }
        java.awt.image.BufferedImage blue = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(blue, "png", library.resolve("blue").resolve("Cover.PNG").toFile());
        Path index = tmp.resolve("art-index");
        org.songspace.cli.CliRun indexed = org.songspace.cli.CliRun.of("index", built.model().toString(), library.toString(),
                "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        try (WebServer art = new WebServer(index, usersFile("art-users", "alice:s3cret pass\n"), null, tmp.resolve("art-state"))) {
            String at = "http://127.0.0.1:" + art.start("127.0.0.1", 0) + "/rest/";
            HttpResponse<byte[]> cover = HTTP.send(HttpRequest.newBuilder(URI.create(at + "getCoverArt?" + auth()
                    + "&id=with-cover")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, cover.statusCode());
            assertTrue(cover.headers().firstValue("Content-Type").orElse("").startsWith("image/"), cover.headers().toString());
            assertEquals((byte) 0xFF, cover.body()[0], "a JPEG");
            assertEquals((byte) 0xD8, cover.body()[1], "a JPEG");
            JsonNode song2 = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(at + "getSong?" + auth()
                    + "&f=json&id=with-cover")).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                    .get("subsonic-response").get("song");
            assertEquals("Red Song", song2.get("title").asText());
            assertEquals("Red Album", song2.get("album").asText());
            HttpResponse<byte[]> albumCover = HTTP.send(HttpRequest.newBuilder(URI.create(at + "getCoverArt?" + auth()
                    + "&id=" + song2.get("albumId").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(cover.body().length, albumCover.body().length, "the album's cover is its song's");
            assertEquals(song2.get("albumId").asText(), song2.get("coverArt").asText(), "songs with art say so");
            HttpResponse<byte[]> small = HTTP.send(HttpRequest.newBuilder(URI.create(at + "getCoverArt?" + auth()
                    + "&size=16&id=" + song2.get("albumId").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
            java.awt.image.BufferedImage scaled = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(small.body()));
            assertEquals(16, scaled.getWidth(), "getCoverArt size=16 scales the 64 x 64 picture");
            assertEquals("image/jpeg", small.headers().firstValue("Content-Type").orElse(""));

            JsonNode songs = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(at + "search3?" + auth()
                    + "&f=json&query=song")).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                    .get("subsonic-response").get("searchResult3").get("song");
            for (JsonNode s : songs) {
                String title = s.get("title").asText();
                assertEquals(!title.equals("Bare Song"), s.has("coverArt"), title + ": " + s);
                if (title.equals("Blue Song")) {
                    HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(at + "getCoverArt?" + auth()
                            + "&id=" + s.get("coverArt").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""), "the folder's Cover.PNG");
                    assertEquals(64, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth());
                }
            }
        }
    }

    @Test
    void aUsersFileOthersCanReadOrThatNamesNobodyIsRefused() throws Exception {
        Path open = tmp.resolve("open-users");
        Files.writeString(open, "alice:secret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        UserError e = assertThrows(UserError.class, () -> new WebServer(built.index(), open));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Path empty = usersFile("empty-users", "# nobody\n");
        assertTrue(assertThrows(UserError.class, () -> new WebServer(built.index(), empty)).getMessage().contains("names nobody"));
        Path noPassword = usersFile("no-password", "alice:\n");
        assertTrue(assertThrows(UserError.class, () -> new WebServer(built.index(), noPassword)).getMessage().contains("line 1"));
    }
}
