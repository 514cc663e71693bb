package org.songspace.companion;

import org.songspace.io.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.CliRun;
import org.songspace.cli.LibraryGenerator;

/**
 * {@code songspace sync} against a real Supysonic (Debian's supysonic + python3-waitress, installed by
 * .ci/run): Supysonic scans the library from a folder above it (so its paths differ from songspace's), the
 * listener stars a song and keeps a playlist of their own; sync writes its mixes, a second run keeps their
 * ids and writes nothing, and the listener's playlist is untouched.
 */
class SyncSupysonicTest {
    @TempDir
    Path tmp;

    @Test
    void mixesBecomePlaylistsInSupysonicAndStayPut() throws Exception {
        assumeTrue(ExternalTools.onPath("supysonic-server") && ExternalTools.onPath("supysonic-cli"),
                "Supysonic is not installed (apt-get install supysonic python3-waitress): skipping");
        assumeTrue(ExternalTools.onPath("ffmpeg"), "Debian's ffmpeg is not installed: the tagged library cannot be made");
        TaggedMp3Library library = TaggedMp3Library.make(tmp);
        Path home = Files.createDirectories(tmp.resolve("supysonic"));
        Files.writeString(home.resolve("supysonic.conf"), "[base]\ndatabase_uri = sqlite:///" + home.resolve("supysonic.db")
                + "\n[webapp]\ncache_dir = " + home.resolve("cache") + "\n[daemon]\nsocket = " + home.resolve("daemon.sock")
                + "\nrun_watcher = no\n");
        cli(home, "supysonic-cli", "user", "add", "alice", "-p", "pw alice");
        // Supysonic sees the folder above the library: its paths start with "library/".
        cli(home, "supysonic-cli", "folder", "add", "music", tmp.toString());
        cli(home, "supysonic-cli", "folder", "scan", "music");
        int port = org.songspace.cli.TestSupport.freePort();
        Process server = new ProcessBuilder("supysonic-server", "-S", "waitress", "-h", "127.0.0.1", "-p", String.valueOf(port))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port;
            RemoteServer alice = waitFor(url);
            List<String> ids = new ArrayList<>();
            Map<String, String> titles = new HashMap<>();
            alice.call("search3", "query", "", "songCount", "100").path("searchResult3").path("song").forEach(s -> {
                ids.add(s.path("id").asText());
                titles.put(s.path("id").asText(), s.path("title").asText());
            });
            assertEquals(12, ids.size(), "Supysonic scanned the library");
            alice.call("star", "id", ids.get(0));
            alice.call("createPlaylist", "name", "my own", "songId", ids.get(1), "songId", ids.get(2));
            Path password = Files.writeString(tmp.resolve("password"), "pw alice\n");

            CliRun first = CliRun.of("sync", library.index().toString(), "--server", url, "--user", "alice",
                    "--password-file", password.toString(), "--mixes", "2", "--per-star", "5");
            assertEquals(0, first.exitCode(), first.toString());
            assertTrue(first.out().contains("12 songs; 12 tied to the index (12 by path), 0 not"), first.out());
            Map<String, JsonNode> playlists = playlists(alice);
            JsonNode like = playlists.get("songspace: like " + titles.get(ids.get(0)) + " - " + artistOf(alice, ids.get(0)));
            assertTrue(like != null, playlists.keySet().toString());
            List<String> entries = entries(alice, like.path("id").asText());
            assertEquals(5, entries.size());
            assertFalse(entries.contains(ids.get(0)), "a mix never holds its seed");
            assertTrue(ids.containsAll(entries), "every entry is a song of Supysonic's");
            assertEquals(5, playlists.size(), "my own + like + 2 regions + recent plays: " + playlists.keySet());
            assertEquals(List.of(ids.get(1), ids.get(2)), entries(alice, playlists.get("my own").path("id").asText()));

            CliRun second = CliRun.of("sync", library.index().toString(), "--server", url, "--user", "alice",
                    "--password-file", password.toString(), "--mixes", "2", "--per-star", "5");
            assertTrue(second.out().contains("0 created, 0 updated, 4 unchanged, 0 deleted"), second.out());
            CliRun shorter = CliRun.of("sync", library.index().toString(), "--server", url, "--user", "alice",
                    "--password-file", password.toString(), "--mixes", "2", "--per-star", "3");
            assertTrue(shorter.out().contains("0 created, 4 updated"), shorter.out());
            Map<String, JsonNode> after = playlists(alice);
            assertEquals(like.path("id").asText(), after.get(like.path("name").asText()).path("id").asText(), "changed in place");
            assertEquals(3, entries(alice, like.path("id").asText()).size());
            assertEquals(List.of(ids.get(1), ids.get(2)), entries(alice, after.get("my own").path("id").asText()), "never touched");

            CliRun dry = CliRun.of("sync", library.index().toString(), "--server", url, "--user", "alice",
                    "--password-file", password.toString(), "--mixes", "2", "--per-star", "4", "--dry-run");
            assertTrue(dry.out().contains("would update") && dry.out().contains("(dry run) 0 created, 4 updated"), dry.out());
            assertEquals(3, entries(alice, like.path("id").asText()).size(), "a dry run writes nothing");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String artistOf(RemoteServer server, String id) throws Exception {
        return server.call("getSong", "id", id).path("song").path("artist").asText();
    }

    private static Map<String, JsonNode> playlists(RemoteServer server) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        server.call("getPlaylists").path("playlists").path("playlist").forEach(p -> out.put(p.path("name").asText(), p));
        return out;
    }

    private static List<String> entries(RemoteServer server, String id) throws Exception {
        List<String> out = new ArrayList<>();
        server.call("getPlaylist", "id", id).path("playlist").path("entry").forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    private static RemoteServer waitFor(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return RemoteServer.connect(url, "alice", "pw alice", null);
            } catch (org.songspace.io.UserError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(300);
            }
        }
    }

    private static void cli(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + log);
    }
}
