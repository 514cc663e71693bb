package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.WavWriter;

class DatasetCommandTest {
    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path root = tmp.resolve("lib");
        for (String label : new String[] {"rock", "jazz"}) {
            for (int i = 0; i < 5; i++) {
                WavWriter.write(root.resolve(label + "/" + label + i + ".wav"), new float[8000], 8000, 1);
            }
        }
        Files.writeString(root.resolve("jazz/broken.wav"), "nope");
        return root;
    }

    @Test
    void infoShowsLayoutCountsDurationAndUnreadableFiles() throws IOException {
        CliRun run = CliRun.of("dataset", "info", tree().toString());
        assertEquals(Main.SOME_FAILED, run.exitCode(), run.toString());
        assertTrue(run.out().contains("layout:  folders (detected)"), run.out());
        assertTrue(run.out().matches("(?s).*jazz\\s+6.*rock\\s+5.*"), run.out());
        assertTrue(run.out().contains("10 readable tracks"), run.out());
        assertTrue(run.out().contains("broken.wav: not a recognised audio format"), run.out());
    }

    @Test
    void splitWritesListFilesAndRefusesBadShares() throws IOException {
        Path root = tree();
        Path out = tmp.resolve("split");
        CliRun run = CliRun.of("dataset", "split", root.toString(), "--out", out.toString(), "--valid", "0.2", "--test", "0.2");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.readString(out.resolve("test.txt")).contains("rock/"));
        CliRun folds = CliRun.of("dataset", "split", root.toString(), "--out", out.toString(), "--method", "kfold", "--k", "3");
        assertEquals(0, folds.exitCode(), folds.toString());
        assertTrue(Files.exists(out.resolve("fold-2/test.txt")));
        CliRun bad = CliRun.of("dataset", "split", root.toString(), "--out", out.toString(), "--test", "0.9", "--valid", "0.2");
        assertEquals(Main.FATAL, bad.exitCode());
        assertTrue(bad.err().contains("valid + test < 1"), bad.err());
    }
}
