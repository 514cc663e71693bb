package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.WavWriter;
import org.songspace.features.FeatureManifest;
import org.songspace.io.Json;
import org.songspace.io.Npy;

class FeaturesCommandTest {
    @TempDir
    Path tmp;

    private static float[] tone(double freq, int rate, double seconds) {
        float[] x = new float[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return x;
    }

    /** A small library: two labelled folders, a 44.1 kHz file to resample, and three bad files. */
    private Path library() throws IOException {
        Path lib = tmp.resolve("library");
        WavWriter.write(lib.resolve("rock/a.wav"), tone(220, 22050, 2), 22050, 1);
        WavWriter.write(lib.resolve("rock/b.wav"), tone(330, 22050, 1.5), 22050, 1);
        WavWriter.write(lib.resolve("jazz/c.wav"), tone(440, 44100, 1), 44100, 1);
        Files.writeString(lib.resolve("jazz/readme.wav"), "not audio");
        Files.createFile(lib.resolve("jazz/empty.wav"));
        byte[] full = WavWriter.pcm16(tone(100, 22050, 1), 22050, 1);
        Files.write(lib.resolve("rock/cut.wav"), Arrays.copyOf(full, full.length / 2));
        Files.write(lib.resolve("rock/mostly.wav"), Arrays.copyOf(full, full.length * 4 / 5));
        Files.writeString(lib.resolve("rock/cover.txt"), "ignored: not an audio extension");
        return lib;
    }

    @Test
    void writesOneNpyPerTrackAndReportsBadFilesWithoutStopping() throws IOException {
        Path lib = library();
        Path out = tmp.resolve("features");
        CliRun run = CliRun.of("features", lib.toString(), "--out", out.toString(), "--quiet");
        assertEquals(Main.SOME_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("readme.wav: not a recognised audio format"), run.err());
        assertTrue(run.err().contains("empty.wav: empty file"), run.err());
        assertTrue(run.err().contains("cut.wav: truncated: ") && run.err().contains("(less than half)"), run.err());
        assertTrue(run.err().contains("damaged, analysed what decodes: ") && run.err().contains("mostly.wav: "), run.err());
        assertTrue(run.out().contains("4 tracks") && run.out().contains("4 analysed (1 damaged)"), run.out());

        Npy.FloatArray a = Npy.read(out.resolve("rock/a.npy"));
        assertArrayEquals(new int[] {128, 1 + 44100 / 512}, a.shape());
        Npy.FloatArray c = Npy.read(out.resolve("jazz/c.npy"));
        assertArrayEquals(new int[] {128, 1 + 22050 / 512}, c.shape(), "44.1 kHz input is resampled to 22050 Hz");

        FeatureManifest manifest = Json.read(out.resolve("features.json"), FeatureManifest.class);
        assertEquals(List.of("jazz/c", "rock/a", "rock/b", "rock/mostly"), manifest.tracks().stream().map(FeatureManifest.Track::id).toList());
        assertTrue(manifest.tracks().get(3).damage().contains("s decoded of"), "features.json keeps the mark");
        assertEquals(3, manifest.failed().size());
        assertEquals(44100, manifest.tracks().get(0).sourceRate());
        assertEquals(1.0, manifest.tracks().get(0).durationSeconds(), 1e-9);
        try (Stream<Path> files = Files.walk(out)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left behind");
        }
    }

    @Test
    void secondRunReusesTheCacheAndRecomputesChangedFilesOnly() throws IOException {
        Path lib = library();
        Path out = tmp.resolve("features");
        CliRun.of("features", lib.toString(), "--out", out.toString(), "-q");
        CliRun again = CliRun.of("features", lib.toString(), "--out", out.toString(), "-q");
        assertTrue(again.out().contains("0 analysed, 4 cached"), again.out());

        WavWriter.write(lib.resolve("rock/a.wav"), tone(250, 22050, 3), 22050, 1);
        Files.setLastModifiedTime(lib.resolve("rock/a.wav"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CliRun changed = CliRun.of("features", lib.toString(), "--out", out.toString(), "-q");
        assertTrue(changed.out().contains("1 analysed, 3 cached"), changed.out());
        assertEquals(1 + 3 * 22050 / 512, Npy.read(out.resolve("rock/a.npy")).cols());

        CliRun otherConfig = CliRun.of("features", lib.toString(), "--out", out.toString(), "-q", "--n-mels", "64");
        assertTrue(otherConfig.out().contains("4 analysed (1 damaged), 0 cached"), "a different config reuses nothing: " + otherConfig.out());
        assertEquals(64, Npy.read(out.resolve("rock/b.npy")).rows());
    }

    @Test
    void singleFileAndExtensionCollisions() throws IOException {
        Path dir = tmp.resolve("songs");
        WavWriter.write(dir.resolve("song.wav"), tone(220, 22050, 1), 22050, 1);
        Path au = dir.resolve("song.au");
        Files.write(au, auBytes(tone(220, 22050, 1)));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("features", dir.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.exists(out.resolve("song.wav.npy")) && Files.exists(out.resolve("song.au.npy")));

        Path single = tmp.resolve("single");
        assertEquals(0, CliRun.of("features", au.toString(), "--out", single.toString(), "-q").exitCode());
        assertTrue(Files.exists(single.resolve("song.npy")));
    }

    private static byte[] auBytes(float[] x) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + 2 * x.length);
        b.put(".snd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(24).putInt(2 * x.length).putInt(3)
                .putInt(22050).putInt(1);
        for (float v : x) {
            b.putShort((short) Math.round(v * 32767));
        }
        return b.array();
    }

    @Test
    void fatalErrorsNameTheFlagOrPathAndExitTwo() throws IOException {
        Path lib = library();
        CliRun missing = CliRun.of("features", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Main.FATAL, missing.exitCode());
        assertTrue(missing.err().contains("nope: no such file or folder"), missing.err());

        Path emptyDir = Files.createDirectories(tmp.resolve("no-audio"));
        Files.writeString(emptyDir.resolve("notes.txt"), "hi");
        CliRun none = CliRun.of("features", emptyDir.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Main.FATAL, none.exitCode());
        assertTrue(none.err().contains("no audio files found"), none.err());

        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun unwritable = CliRun.of("features", lib.toString(), "--out", blocker.resolve("sub").toString());
        assertEquals(Main.FATAL, unwritable.exitCode());
        assertTrue(unwritable.err().contains("cannot write to the output folder"), unwritable.err());

        CliRun noOut = CliRun.of("features", lib.toString());
        assertEquals(Main.FATAL, noOut.exitCode());
        assertTrue(noOut.err().contains("--out"), noOut.err());

        CliRun badValue = CliRun.of("features", lib.toString(), "--out", tmp.resolve("o").toString(), "--n-mels", "0");
        assertEquals(Main.FATAL, badValue.exitCode());
        assertTrue(badValue.err().contains("n_mels"), badValue.err());
    }

    @Test
    void readOnlyOutputFolderIsRefusedWhenPermissionsApply() throws IOException {
        Path lib = library();
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked),
                    "running as root: permissions do not stop writes, skipping");
            CliRun run = CliRun.of("features", lib.toString(), "--out", locked.toString());
            assertEquals(Main.FATAL, run.exitCode());
            assertTrue(run.err().contains("cannot write to the output folder"), run.err());
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void benchPrintsThroughputAndStageSplit() {
        CliRun run = CliRun.of("bench", "features", "--clips", "4", "--seconds", "2", "--warmup", "1", "--rate", "44100");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*throughput: [0-9.]+ clips/s.*"), run.out());
        for (String stage : List.of("decode", "resample", "stft", "mel", "decibels")) {
            assertTrue(run.out().contains(stage), run.out());
        }
    }
}
