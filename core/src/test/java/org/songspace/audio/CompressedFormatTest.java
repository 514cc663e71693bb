package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.testing.SharedData;
import org.songspace.io.ExternalTools;

/**
 * FLAC and Ogg Vorbis fixtures are encoded at test time with Debian's reference encoders (packages
 * flac and vorbis-tools, installed by .ci/run); MP3 comes from ../shared/data/mp3-samples.
 */
class CompressedFormatTest {
    @TempDir
    Path dir;

    /** Something music-like: a few partials with vibrato plus a little noise, in stereo. */
    static float[] stereoSignal(int rate, double seconds) {
        Random random = new Random(7);
        int n = (int) (rate * seconds);
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double v = 0.3 * Math.sin(2 * Math.PI * 220 * t + 3 * Math.sin(2 * Math.PI * 5 * t))
                    + 0.2 * Math.sin(2 * Math.PI * 1320 * t) + 0.02 * random.nextGaussian();
            x[2 * i] = (float) v;
            x[2 * i + 1] = (float) (0.7 * v + 0.1 * Math.sin(2 * Math.PI * 660 * t));
        }
        return x;
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed: " + output);
    }

    private static void requireTool(String tool) {
        assumeTrue(ExternalTools.onPath(tool), tool + " is not installed (apt-get install flac vorbis-tools): skipping");
    }

    @Test
    void flacDecodesBitExactly() throws Exception {
        requireTool("flac");
        Path wav = dir.resolve("in.wav");
        WavWriter.write(wav, stereoSignal(44100, 2.5), 44100, 2);
        Path flac = dir.resolve("in.flac");
        run(List.of("flac", "-s", "-f", "-o", flac.toString(), wav.toString()));
        AudioClip expected = AudioLoader.decode(wav);
        AudioClip actual = AudioLoader.decode(flac);
        assertEquals(44100, actual.sampleRate());
        assertEquals(2, actual.sourceChannels());
        assertArrayEquals(expected.samples(), actual.samples(), 0f);

        byte[] bytes = Files.readAllBytes(flac);
        Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, bytes.length / 2));
        DecoderTest.assertMessage(cut, "truncated");
    }

    @Test
    void oggVorbisDecodesToFullLengthAndCloseToTheSource() throws Exception {
        requireTool("oggenc");
        Path wav = dir.resolve("in.wav");
        WavWriter.write(wav, stereoSignal(22050, 3), 22050, 2);
        Path ogg = dir.resolve("in.ogg");
        run(List.of("oggenc", "-Q", "-q", "6", "-o", ogg.toString(), wav.toString()));
        float[] expected = AudioLoader.decode(wav).samples();
        AudioClip actual = AudioLoader.decode(ogg);
        assertEquals(22050, actual.sampleRate());
        assertEquals(expected.length, actual.samples().length, "Vorbis must keep the full length, tail included");
        double signal = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            signal += expected[i] * expected[i];
            double e = expected[i] - actual.samples()[i];
            error += e * e;
        }
        double snrDb = 10 * Math.log10(signal / error);
        assertTrue(snrDb > 20, "lossy round trip SNR " + snrDb + " dB");

        byte[] bytes = Files.readAllBytes(ogg);
        Path cut = Files.write(dir.resolve("cut.ogg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        if (FfmpegDecoder.available()) {
            // What is there is kept and marked: Ogg declares no length to hold the rest against.
            AudioClip kept = AudioLoader.decode(cut);
            assertTrue(kept.damage() != null && kept.damage().contains("cut off"), String.valueOf(kept.damage()));
        } else {
            DecoderTest.assertMessage(cut, "truncated Ogg");
        }
    }

    /**
     * mpg123, ffmpeg and soundfile all give 1,310,328 frames for these files (LAME gapless trimming). The
     * default (FFmpeg's float decoder) keeps peaks above full scale as they do; the pure-Java fallback
     * (JLayer, 16-bit) clips them and stays within 2e-3 rms of it.
     */
    @Test
    void mp3IsTrimmedLikeMpg123() throws IOException {
        double loudest = 0;
        for (String name : List.of("bossa_nova", "disco", "heavy_metal")) {
            Path file = SharedData.require("data/mp3-samples/" + name + ".mp3");
            AudioClip clip = AudioLoader.decode(file);
            assertEquals(44100, clip.sampleRate(), name);
            assertEquals(2, clip.sourceChannels(), name);
            assertEquals(1_310_328, clip.samples().length, name);
            double energy = 0;
            for (float v : clip.samples()) {
                loudest = Math.max(loudest, Math.abs(v));
                energy += v * v;
            }
            assertTrue(energy / clip.samples().length > 1e-4, name + " should not be silent");
            float[] java = AudioLoader.decodeInMemory(Files.readAllBytes(file)).samples();
            assertEquals(clip.samples().length, java.length, name);
            double diff = 0;
            for (int i = 0; i < java.length; i++) {
                double d = java[i] - clip.samples()[i];
                diff += d * d;
            }
            assertTrue(Math.sqrt(diff / java.length) < 2e-3, name + ": JLayer vs FFmpeg rms " + Math.sqrt(diff / java.length));
        }
        assertTrue(loudest > 1.0, "float decoding keeps peaks above full scale: " + loudest);
        byte[] bytes = Files.readAllBytes(SharedData.require("data/mp3-samples/disco.mp3"));
        Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(bytes, bytes.length / 2));
        DecoderTest.assertMessage(cut, "truncated");
    }

    @Test
    void realGtzanFlacFromTheSharedSet() throws IOException {
        Path folder = SharedData.require("data/gtzan-mini/jazz");
        Path first;
        try (var files = Files.list(folder)) {
            first = files.filter(p -> p.toString().endsWith(".flac")).sorted().findFirst().orElseThrow();
        }
        AudioClip clip = AudioLoader.decode(first);
        assertEquals(22050, clip.sampleRate());
        assertTrue(clip.durationSeconds() > 29 && clip.durationSeconds() < 31, "duration " + clip.durationSeconds());
    }
}
