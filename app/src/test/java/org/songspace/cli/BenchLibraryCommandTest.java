package org.songspace.cli;

import org.songspace.io.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bench library` end to end on a tiny library: every format encoded, tagged, indexed, and timed. */
class BenchLibraryCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesATaggedLibraryInEveryFormatAndIndexesIt() throws Exception {
        assumeTrue(ExternalTools.onPath("ffmpeg"), "ffmpeg is not installed: skipping");
        Path lib = dir.resolve("lib");
        CliRun run = CliRun.of("bench", "library", "--tracks", "5", "--minutes", "0.2", "--library", lib.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("bench library: 5 tracks indexed (5 analysed, 0 cached, 0 failed, 0 not audio)"),
                run.out());
        assertTrue(run.out().contains("tracks/s") && run.out().contains("decode"), run.out());
        assertTrue(run.out().contains("using the classic timbre model") && run.out().contains(", model "),
                "without --model the default is chosen and made as index does, and timed: " + run.out());
        List<String> names;
        try (Stream<Path> walk = Files.walk(lib.resolve("5-tracks-0.2-min-mp3-mp3_vbr-m4a-opus-flac"))) {
            names = walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.base/"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("000 Track 0.mp3", "001 Track 1.mp3", "002 Track 2.m4a", "003 Track 3.opus",
                "004 Track 4.flac"), names);
        CliRun again = CliRun.of("bench", "library", "--tracks", "5", "--minutes", "0.2", "--library", lib.toString(),
                "--excerpt", "0", "--model", "untrained", "-q");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("(whole of each track)"), again.out());
        assertTrue(!again.out().contains("timbre model"), "--model untrained makes no model: " + again.out());
        CliRun named = CliRun.of("bench", "library", "--tracks", "5", "--minutes", "0.2", "--library", lib.toString(),
                "--model", "timbre", "-q");
        assertEquals(0, named.exitCode(), named.toString());
        assertTrue(named.out().contains("--model timbre: using the classic timbre model"),
                "a model kind is made from the library as index --model makes it: " + named.out());
    }
}
