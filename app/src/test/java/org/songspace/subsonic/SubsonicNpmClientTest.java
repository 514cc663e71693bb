package org.songspace.subsonic;

import org.songspace.io.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.LibraryGenerator;
import org.songspace.cli.TestPipeline;
import org.songspace.web.WebServer;

/**
 * A Subsonic client published on npm ({@code subsonic-api}, not written here) connects to songspace, logs
 * in with a token and salt (and with an API key), searches, streams and calls both sonic endpoints
 * (src/test/node/subsonic-client-check.mjs). Needs Node.js and npm; skipped, saying so, without them or
 * when npm cannot install the client.
 */
class SubsonicNpmClientTest {
    @TempDir
    Path tmp;

    private static Process run(Path dir, List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static String output(Process p, int seconds) throws Exception {
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aPublishedSubsonicClientSearchesStreamsAndGetsMixesAndPaths() throws Exception {
        assumeTrue(ExternalTools.onPath("node") && ExternalTools.onPath("npm"), "Node.js and npm are not on PATH: the npm client test is skipped");
        Path client = tmp.resolve("client");
        Files.createDirectories(client);
        for (String f : List.of("package.json", "subsonic-client-check.mjs")) {
            Files.copy(Path.of("src/test/node", f), client.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Process install = run(client, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        String installLog = output(install, 180);
        assumeTrue(install.exitValue() == 0, "npm could not install subsonic-api (no registry?): " + installLog);

        Path users = tmp.resolve("users");
        Files.writeString(users, "carol:pa ss+word\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        Path keys = tmp.resolve("api-keys");
        Files.writeString(keys, "carol:carol-key-0123456789abcdef\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        TestPipeline.Built built = TestPipeline.shared();
        Path library = tmp.resolve("library");
        for (String genre : List.of("rock", "jazz")) {
            Files.createDirectories(library.resolve(genre));
            for (int i = 0; i < 4; i++) {
                String name = genre + ".0000" + i + ".wav";
                Files.copy(built.corpus().resolve(genre).resolve(name), library.resolve(genre).resolve(name));
            }
        }
        List<String> manifest = Files.readAllLines(built.corpus().resolve("manifest.csv")).stream()
                .filter(l -> l.startsWith("path,") || library.resolve(l.split(",")[0]).toFile().exists()).toList();
        Files.write(library.resolve("manifest.csv"), manifest);
        java.awt.image.BufferedImage art = new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(art, "jpg", library.resolve("rock").resolve("cover.jpg").toFile());
        Path index = tmp.resolve("index");
        org.songspace.cli.CliRun indexed = org.songspace.cli.CliRun.of("index", built.model().toString(), library.toString(),
                "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        try (WebServer server = new WebServer(index, users, keys, tmp.resolve("state"))) {
            int port = server.start("127.0.0.1", 0);
            Process check = run(client, List.of("node", "subsonic-client-check.mjs", "http://127.0.0.1:" + port, "carol",
                    "pa ss+word", "carol-key-0123456789abcdef", "rock/rock.00000", "jazz/jazz.00002"));
            String out = output(check, 120);
            assertEquals(0, check.exitValue(), out);
            JsonNode r = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
            System.out.println("npm subsonic-api client: " + r);
            assertEquals("ok", r.get("ping").asText());
            assertTrue(r.get("extensions").toString().contains("sonicSimilarity:1"), r.toString());
            assertEquals(8, r.get("songs").asInt(), "an empty search3 lists the library");
            assertEquals(200, r.get("streamStatus").asInt());
            assertEquals(Files.size(library.resolve("rock/rock.00000.wav")), r.get("streamBytes").asLong());
            assertEquals(4, r.get("similar").size());
            JsonNode path = r.get("path");
            assertEquals("rock/rock.00000", path.get(0).asText());
            assertEquals("jazz/jazz.00002", path.get(path.size() - 1).asText());
            assertEquals("failed:40", r.get("wrongPassword").asText());
            assertEquals("ok", r.get("apiKeyPing").asText());

            assertEquals(8, r.get("albums").asInt(), "the demo's bands have an album each");
            assertEquals(3, r.get("randomSongs").asInt());
            assertEquals("[\"jazz:4\",\"rock:4\"]", r.get("genres").toString());
            assertEquals("[\"rock/rock.00000\"]", r.get("starred").toString());
            assertEquals(2, r.get("playlistSongs").asInt());
            assertEquals("[\"from npm\"]", r.get("playlists").toString());
            assertEquals(1, r.get("playCount").asInt());
            assertEquals(3, r.get("radio").size());
            assertFalse(r.get("radio").toString().contains("rock/rock.00000"), "the radio never plays the seed");
            assertEquals("audio/mpeg", r.get("mobileType").asText());
            assertTrue(r.get("mobileBytes").asLong() < Files.size(library.resolve("rock/rock.00000.wav")) / 3, r.toString());
            assertEquals("image/jpeg", r.get("coverType").asText());
            assertTrue(r.get("coverBytes").asLong() > 100 && !r.get("coverArt").isNull(), r.toString());
        }
    }
}
