package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a 20 s clip, made at test time: what decodes is kept and marked damaged when at least
 * half of the declared length decodes, and refused by name otherwise.
 */
class DamagedFilesTest {
    static final int RATE = 44_100;
    static final double SECONDS = 20;

    @TempDir
    Path tmp;
    Path wav;

    @BeforeEach
    void makeClip() throws Exception {
        int n = (int) (RATE * SECONDS);
        float[] stereo = new float[2 * n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double chord = 0.2 * Math.sin(2 * Math.PI * 220 * t) + 0.15 * Math.sin(2 * Math.PI * 277 * t * (1 + 0.1 * Math.sin(t)))
                    + 0.05 * random.nextGaussian();
            stereo[2 * i] = (float) chord;
            stereo[2 * i + 1] = (float) (0.8 * chord);
        }
        wav = tmp.resolve("clip.wav");
        WavWriter.write(wav, stereo, RATE, 2);
    }

    private Path encode(String name, String... codec) throws Exception {
        assumeTrue(org.songspace.io.ExternalTools.onPath("ffmpeg"), "Debian's ffmpeg is not installed: the compressed fixtures cannot be made");
        assumeTrue(FfmpegDecoder.available(), "FFmpeg's natives did not load");
        Path out = tmp.resolve(name);
        String[] command = new String[6 + codec.length];
        command[0] = "ffmpeg";
        command[1] = "-v";
        command[2] = "error";
        command[3] = "-i";
        command[4] = wav.toString();
        System.arraycopy(codec, 0, command, 5, codec.length);
        command[command.length - 1] = out.toString();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    private Path damaged(Path source, String name, java.util.function.UnaryOperator<byte[]> damage) throws Exception {
        return Files.write(tmp.resolve(name), damage.apply(Files.readAllBytes(source)));
    }

    @Test
    void intactFilesCarryNoMark() throws Exception {
        assertNull(AudioLoader.decode(wav).damage());
        assertNull(AudioLoader.decode(encode("intact.mp3", "-c:a", "libmp3lame", "-b:a", "128k")).damage());
    }

    @Test
    void anMp3WithABlockOfGarbageInTheMiddleKeepsTheRest() throws Exception {
        Path mp3 = encode("clip.mp3", "-c:a", "libmp3lame", "-b:a", "128k");
        Path bad = damaged(mp3, "garbage.mp3", b -> {
            byte[] out = b.clone();
            new Random(1).ints(20_000, 0, 256).forEach(new java.util.function.IntConsumer() {
                int at = out.length / 2;

                @Override
                public void accept(int v) {
                    out[at++] = (byte) v;
                }
            });
            return out;
        });
        AudioClip clip = AudioLoader.decode(bad);
        assertTrue(clip.durationSeconds() > 15, "most of the song: " + clip.durationSeconds());
        assertNotNull(clip.damage(), "marked damaged");
        assertTrue(allFinite(clip.samples()));

        // The features are the intact file's where the damage is small: the same before the garbage, and the
        // same spectrum on the whole within a few dB.
        org.songspace.features.LogMelExtractor mel = new org.songspace.features.LogMelExtractor(
                org.songspace.features.FeatureConfig.librosaDefaults());
        org.songspace.features.MelSpectrogram intact = mel.logMel(AudioLoader.standard().load(mp3, 22050));
        org.songspace.features.MelSpectrogram hurt = mel.logMel(AudioLoader.standard().load(bad, 22050));
        int early = org.songspace.features.FeatureConfig.librosaDefaults().framesForSeconds(8);
        double diff = 0;
        for (int m = 0; m < intact.nMels(); m++) {
            for (int f = 0; f < early; f++) {
                diff += Math.abs(intact.get(m, f) - hurt.get(m, f));
            }
        }
        assertTrue(diff / (intact.nMels() * early) < 0.5, "before the damage: mean " + diff / (intact.nMels() * early) + " dB apart");
        double bands = 0;
        for (int m = 0; m < intact.nMels(); m++) {
            bands += Math.abs(bandMean(intact, m) - bandMean(hurt, m));
        }
        assertTrue(bands / intact.nMels() < 3, "whole-song spectrum: mean " + bands / intact.nMels() + " dB apart");
    }

    private static double bandMean(org.songspace.features.MelSpectrogram s, int mel) {
        double sum = 0;
        for (int f = 0; f < s.frames(); f++) {
            sum += s.get(mel, f);
        }
        return sum / s.frames();
    }

    @Test
    void aFlacWithFlippedBitsSkipsTheBadFrames() throws Exception {
        Path flac = encode("clip.flac", "-c:a", "flac");
        Path bad = damaged(flac, "flipped.flac", b -> {
            byte[] out = b.clone();
            Random random = new Random(2);
            for (int i = 8192; i < out.length; i += 1000 + random.nextInt(200)) {
                out[i] ^= (byte) (1 << random.nextInt(8));
            }
            return out;
        });
        AudioClip clip = AudioLoader.decode(bad);
        assertTrue(clip.durationSeconds() >= SECONDS / 2, "at least half decodes: " + clip.durationSeconds());
        assertNotNull(clip.damage());
        assertTrue(clip.damage().contains("bad frames skipped"), clip.damage());
    }

    @Test
    void aCutOffFileIsKeptFromHalfItsLengthAndRefusedBelow() throws Exception {
        Path mp3 = encode("cut.mp3", "-c:a", "libmp3lame", "-b:a", "128k");
        Path mostly = damaged(mp3, "cut-70.mp3", b -> Arrays.copyOf(b, (int) (b.length * 0.7)));
        AudioClip clip = AudioLoader.decode(mostly);
        assertEquals(14, clip.durationSeconds(), 1.0);
        assertTrue(clip.damage() != null && clip.damage().contains("of 20.0 s declared"), String.valueOf(clip.damage()));
        Path little = damaged(mp3, "cut-30.mp3", b -> Arrays.copyOf(b, (int) (b.length * 0.3)));
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioLoader.decode(little));
        assertTrue(e.getMessage().contains("less than half"), e.getMessage());
    }

    @Test
    void theWavReaderFollowsTheSameRule() throws Exception {
        byte[] whole = Files.readAllBytes(wav);
        AudioClip mostly = AudioLoader.decode(damaged(wav, "cut-60.wav", b -> Arrays.copyOf(b, (int) (b.length * 0.6))));
        assertEquals(12, mostly.durationSeconds(), 0.1);
        assertEquals("12.0 s decoded of 20.0 s declared", mostly.damage());
        Path little = damaged(wav, "cut-20.wav", b -> Arrays.copyOf(b, whole.length / 5));
        assertTrue(assertThrows(AudioFormatException.class, () -> AudioLoader.decode(little)).getMessage().contains("less than half"));
    }

    private static boolean allFinite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
