package org.songspace.companion;

import org.songspace.io.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.CliRun;
import org.songspace.cli.LibraryGenerator;

/**
 * {@code songspace mpd --once} against a real MPD (Debian's mpd, installed by .ci/run) on a loopback port
 * with the library as its music directory: a song plays, and the queue is topped up with songs like it.
 */
class MpdQueueTest {
    @TempDir
    Path tmp;
    private TaggedMp3Library library;
    private int port;

    /** The tagged library and a free port for an MPD of the test's own; skips without mpd or ffmpeg. */
    private void prepare() throws Exception {
        assumeTrue(ExternalTools.onPath("mpd"), "MPD is not installed (apt-get install mpd): skipping");
        assumeTrue(ExternalTools.onPath("ffmpeg"), "Debian's ffmpeg is not installed: the tagged library cannot be made");
        library = TaggedMp3Library.make(tmp);
        port = org.songspace.cli.TestSupport.freePort();
    }

    @Test
    void theQueueIsToppedUpWithSongsLikeThePlayingOne() throws Exception {
        prepare();
        Process mpd = startMpd();
        try {
            MpdConnection client = connect(port);
            client.command("update");
            waitForDatabase(client);
            client.command("add", "rock/rock.00000.mp3");
            client.command("play");

            CliRun run = CliRun.of("mpd", library.index().toString(), "--port", String.valueOf(port), "--ahead", "3", "--once");
            assertEquals(0, run.exitCode(), run.toString());
            List<String> queue = MpdConnection.values(client.command("playlistinfo"), "file");
            assertEquals(4, queue.size(), run.out() + queue);
            assertEquals("rock/rock.00000.mp3", queue.get(0));
            assertEquals(4, new HashSet<>(queue).size(), "no song twice: " + queue);
            assertTrue(run.out().contains("added 3"), run.out());

            CliRun again = CliRun.of("mpd", library.index().toString(), "--port", String.valueOf(port), "--ahead", "3", "--once");
            assertTrue(again.out().contains("added 0"), "the queue is full enough: " + again.out());
            assertEquals(4, MpdConnection.values(client.command("playlistinfo"), "file").size());
            client.close();

            CliRun nobody = CliRun.of("mpd", library.index().toString(), "--port", "1", "--once");
            assertEquals(2, nobody.exitCode());
            assertFalse(nobody.err().contains("Exception"), "one line, no stack trace: " + nobody.err());
            assertTrue(nobody.err().contains("no MPD at 127.0.0.1:1"), nobody.err());
        } finally {
            mpd.destroy();
            mpd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startMpd() throws Exception {
        Path conf = tmp.resolve("mpd.conf");
        Files.writeString(conf, "music_directory \"" + library.root() + "\"\ndb_file \"" + tmp.resolve("mpd.db") + "\"\n"
                + "state_file \"" + tmp.resolve("mpd.state") + "\"\npid_file \"" + tmp.resolve("mpd.pid") + "\"\n"
                + "log_file \"" + tmp.resolve("mpd.log") + "\"\nbind_to_address \"127.0.0.1\"\nport \"" + port + "\"\n"
                + "audio_output {\n  type \"null\"\n  name \"null\"\n}\n");
        return new ProcessBuilder("mpd", "--no-daemon", conf.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("mpd.out").toFile()).start();
    }

    /** Without --once the keeper follows MPD's changes, and carries on after MPD is restarted. */
    @Test
    void theKeeperFollowsChangesAndSurvivesARestart() throws Exception {
        prepare();
        Process mpd = startMpd();
        Thread keeper = null;
        try (org.songspace.similarity.SimilarityService service = org.songspace.similarity.SimilarityService.open(library.index())) {
            MpdConnection client = connect(port);
            client.command("update");
            waitForDatabase(client);
            client.close();
            java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
            MpdQueueKeeper keeping = new MpdQueueKeeper(service, new MpdQueueKeeper.Options("127.0.0.1", port, null, 2),
                    new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
            keeper = new Thread(() -> {
                try {
                    keeping.keep();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            keeper.setDaemon(true);
            keeper.start();

            mpd.destroy();
            assertTrue(mpd.waitFor(10, TimeUnit.SECONDS));
            mpd = startMpd();
            client = connect(port);
            waitForDatabase(client);
            client.command("clear");
            client.command("add", "jazz/jazz.00001.mp3");
            client.command("play");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> queue = List.of();
            while (System.nanoTime() < deadline && queue.size() < 3) {
                Thread.sleep(250);
                queue = MpdConnection.values(client.command("playlistinfo"), "file");
            }
            assertEquals(3, queue.size(), "topped up after the restart: " + queue + "\n" + log.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(log.toString(java.nio.charset.StandardCharsets.UTF_8).contains("trying again"), "it saw MPD go");
            client.close();
        } finally {
            if (keeper != null) {
                keeper.interrupt();
            }
            mpd.destroy();
            mpd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static MpdConnection connect(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return new MpdConnection("127.0.0.1", port);
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void waitForDatabase(MpdConnection client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (MpdConnection.value(client.command("status"), "updating_db") != null
                || MpdConnection.values(client.command("listall"), "file").size() < 12) {
            assertTrue(System.nanoTime() < deadline, "MPD did not scan the library");
            Thread.sleep(200);
        }
    }
}
