package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;

/**
 * {@code songspace serve} in its own process is killed with SIGKILL right after acknowledging a
 * createPlaylist, a star and a scrobble; a new process on the same state finds all three.
 */
class StateSurvivesKillTest {
    static final Pattern LISTENING = Pattern.compile("serve: http://127\\.0\\.0\\.1:(\\d+)/");
    static final String KEY = "gina-key-0123456789abcdef";

    @TempDir
    Path tmp;

    @Test
    void acknowledgedChangesSurviveKillDashNine() throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        Path users = secret("users", "gina:pw\n");
        Path keys = secret("keys", "gina:" + KEY + "\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(),
                "org.songspace.cli.Main", "serve", built.index().toString(), "--users", users.toString(), "--api-keys",
                keys.toString(), "--data", tmp.resolve("state").toString(), "--port", "0");

        Process first = new ProcessBuilder(command).redirectErrorStream(true).start();
        String playlistId;
        try {
            SubsonicClient gina = new SubsonicClient(base(first), KEY);
            playlistId = gina.ok("createPlaylist", "name", "kept", "songId", "rock/rock.00000", "songId", "jazz/jazz.00001")
                    .get("playlist").get("id").asText();
            gina.ok("star", "id", "jazz/jazz.00002");
            gina.ok("scrobble", "id", "blues/blues.00003");
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "killed");
        }
        assertEquals(137, first.exitValue(), "SIGKILL, not a clean shutdown");

        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            SubsonicClient gina = new SubsonicClient(base(second), KEY);
            JsonNode playlist = gina.ok("getPlaylist", "id", playlistId).get("playlist");
            assertEquals("kept", playlist.get("name").asText());
            assertEquals(2, playlist.get("entry").size());
            assertEquals("jazz/jazz.00002", gina.ok("getStarred2").get("starred2").get("song").get(0).get("id").asText());
            assertEquals(1, gina.ok("getSong", "id", "blues/blues.00003").get("song").get("playCount").asInt());
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The test's own classpath: Surefire passes it in a property when it starts the JVM through a manifest jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Reads the process's output until it says where it listens. */
    private static String base(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return "http://127.0.0.1:" + m.group(1);
            }
        }
        throw new AssertionError("serve did not start:\n" + seen);
    }

    private Path secret(String name, String content) throws Exception {
        return org.songspace.cli.TestSupport.secret(tmp, name, content);
    }
}
