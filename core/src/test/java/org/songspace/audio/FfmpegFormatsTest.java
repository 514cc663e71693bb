package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.ExternalTools;

/**
 * Every compressed format of a real library, encoded at test time with Debian's ffmpeg (installed by
 * .ci/run) from one stereo source, decoded in-process through FFmpeg: right rate and channel count,
 * full length (encoder priming and padding trimmed), close to the source, and excerpts that are the
 * right slices of the whole.
 */
class FfmpegFormatsTest {
    private static final int RATE = 44100;
    private static final double SECONDS = 6;

    @TempDir
    static Path dir;
    private static Path wav;
    private static float[] source;

    @BeforeAll
    static void source() throws IOException {
        assumeTrue(ExternalTools.onPath("ffmpeg"), "ffmpeg is not installed (apt-get install ffmpeg): skipping");
        assumeTrue(FfmpegDecoder.available(), "FFmpeg natives did not load: " + FfmpegDecoder.unavailableReason());
        wav = dir.resolve("source.wav");
        WavWriter.write(wav, CompressedFormatTest.stereoSignal(RATE, SECONDS), RATE, 2);
        source = AudioLoader.decode(wav).samples();
    }

    private static Path encode(String name, String... codecArgs) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", wav.toString()));
        command.addAll(Arrays.asList(codecArgs));
        command.add(out.toString());
        CompressedFormatTest.run(command);
        return out;
    }

    @Test
    void losslessFormatsDecodeBitExactly() throws Exception {
        for (Path file : List.of(encode("a.flac"), encode("alac.m4a", "-c:a", "alac"),
                encode("w.wv", "-c:a", "wavpack"), encode("a.aiff"))) {
            AudioClip clip = AudioLoader.decode(file);
            assertEquals(RATE, clip.sampleRate(), file.toString());
            assertEquals(2, clip.sourceChannels(), file.toString());
            assertArrayEquals(source, clip.samples(), 0f, file.toString());
        }
    }

    @Test
    void lossyFormatsKeepTheLengthAndTheSignal() throws Exception {
        record Case(Path file, int rate, double minSnrDb) {
        }
        List<Case> cases = List.of(
                new Case(encode("cbr.mp3", "-c:a", "libmp3lame", "-b:a", "192k"), RATE, 15),
                new Case(encode("vbr.mp3", "-c:a", "libmp3lame", "-q:a", "2"), RATE, 15),
                new Case(encode("aac.m4a", "-c:a", "aac", "-b:a", "192k"), RATE, 15),
                new Case(encode("v.ogg", "-c:a", "libvorbis", "-q:a", "6"), RATE, 15),
                new Case(encode("o.opus", "-c:a", "libopus", "-b:a", "128k"), 48000, 0),
                new Case(encode("w.wma", "-c:a", "wmav2", "-b:a", "192k"), RATE, 10));
        for (Case c : cases) {
            AudioClip clip = AudioLoader.decode(c.file());
            String name = c.file().getFileName().toString();
            assertEquals(c.rate(), clip.sampleRate(), name);
            assertEquals(2, clip.sourceChannels(), name);
            double expected = SECONDS * c.rate();
            assertTrue(Math.abs(clip.samples().length - expected) <= 2048 + 0.002 * expected,
                    name + ": " + clip.samples().length + " samples, expected about " + expected);
            if (c.rate() == RATE) {
                double snr = bestSnrDb(source, clip.samples());
                assertTrue(snr > c.minSnrDb(), name + ": SNR " + snr + " dB");
            }
        }
    }

    /** The SNR at the best alignment within a few ms (codecs that do not trim their delay exactly). */
    private static double bestSnrDb(float[] ref, float[] x) {
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = -4096; lag <= 4096; lag += 1) {
            double signal = 0;
            double error = 0;
            for (int i = 8192; i < ref.length - 8192; i += 5) {
                int j = i + lag;
                double e = ref[i] - (j >= 0 && j < x.length ? x[j] : 0);
                signal += ref[i] * ref[i];
                error += e * e;
            }
            best = Math.max(best, 10 * Math.log10(signal / error));
        }
        return best;
    }

    @Test
    void anExcerptIsTheRightSlicesOfTheWholeTrack() throws Exception {
        Path flac = encode("long.flac");
        Path mp3 = encode("long.mp3", "-c:a", "libmp3lame", "-b:a", "192k");
        Excerpt excerpt = Excerpt.of(2, 2);
        for (Path file : List.of(flac, mp3, wav)) {
            float[] whole = AudioLoader.decode(file).samples();
            float[] part = AudioLoader.decode(file, excerpt).samples();
            String name = file.getFileName().toString();
            assertEquals(2 * RATE, part.length, 1152, name);
            // Windows of 1 s centred in each half: 1..2 s and 4..5 s. FLAC and WAV seek to the sample; an MP3
            // seek lands within two frames (2304 samples, 52 ms), which no analysis can tell apart.
            int half = part.length / 2;
            int slack = name.endsWith(".mp3") ? 2 * 1152 : 0;
            int lag1 = bestLag(whole, RATE, Arrays.copyOfRange(part, 0, half), slack);
            int lag2 = bestLag(whole, 4 * RATE, Arrays.copyOfRange(part, half, part.length), slack);
            double snr1 = snrDb(Arrays.copyOfRange(whole, RATE + lag1, RATE + lag1 + half), Arrays.copyOfRange(part, 0, half));
            double snr2 = snrDb(Arrays.copyOfRange(whole, 4 * RATE + lag2, 4 * RATE + lag2 + half),
                    Arrays.copyOfRange(part, half, part.length));
            assertTrue(snr1 > 40 && snr2 > 40, name + ": excerpt vs whole-track slices, SNR " + snr1 + " / " + snr2
                    + " dB at lags " + lag1 + " / " + lag2);
        }
    }

    /** Where in {@code whole} (around {@code at}, within +-slack) the excerpt {@code part} matches best. */
    private static int bestLag(float[] whole, int at, float[] part, int slack) {
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int lag = -slack; lag <= slack; lag++) {
            double error = 0;
            for (int i = 1200; i < part.length; i += 7) {
                double e = part[i] - whole[at + lag + i];
                error += e * e;
            }
            if (error < bestError) {
                bestError = error;
                best = lag;
            }
        }
        return best;
    }

    private static double snrDb(float[] ref, float[] x) {
        double signal = 0;
        double error = 0;
        // The first ms after a seek may differ (MP3's bit reservoir); compare past them.
        for (int i = 1200; i < Math.min(ref.length, x.length); i++) {
            double e = ref[i] - x[i];
            signal += ref[i] * ref[i];
            error += e * e;
        }
        return error == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / error);
    }

    @Test
    void aRunawayLengthIsRefusedWholeButReadAsAnExcerpt() throws Exception {
        // 31 minutes of near-silence: a few hundred KB of FLAC that would decode to 82 million samples.
        Path longFile = dir.resolve("long-mix.flac");
        CompressedFormatTest.run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100:duration=1860", "-af", "volume=0.01", longFile.toString()));
        DecoderTest.assertMessage(longFile, "longer than 30 min");
        AudioClip part = AudioLoader.decode(longFile, Excerpt.of(30, 3));
        assertEquals(30 * 44100, part.samples().length, 3 * 1152);
    }

    @Test
    void damagedFilesAreRefusedWithAReason() throws Exception {
        Path m4a = encode("cut.m4a", "-c:a", "aac");
        byte[] bytes = Files.readAllBytes(m4a);
        Path half = Files.write(dir.resolve("half.m4a"), Arrays.copyOf(bytes, bytes.length / 2));
        DecoderTest.assertMessage(half, "half.m4a");
        Path garbage = Files.write(dir.resolve("noise.opus"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        DecoderTest.assertMessage(garbage, "not a recognised audio format");
        Path flac = encode("cut.flac");
        byte[] f = Files.readAllBytes(flac);
        DecoderTest.assertMessage(Files.write(dir.resolve("half.flac"), Arrays.copyOf(f, f.length / 2)), "truncated");
    }
}
