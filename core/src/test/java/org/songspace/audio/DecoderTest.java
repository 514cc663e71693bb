package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WAV and AU written byte by byte here, so every field and scaling rule is checked against a known answer. */
class DecoderTest {
    @TempDir
    Path dir;

    /** Integer sample values that exercise the extremes of each bit depth. */
    private static long[] extremes(int bits) {
        long max = (1L << (bits - 1)) - 1;
        return new long[] {0, 1, -1, max, -max - 1, max / 3, -max / 7};
    }

    private static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data, boolean extensible) {
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(4 + 8 + fmtSize + 8 + data.length).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : formatTag))
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
            b.putShort((short) formatTag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                (byte) 0x9B, 0x71});
        }
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] intPcm(long[] values, int bits, boolean bigEndian) {
        int bytes = bits / 8;
        byte[] out = new byte[values.length * bytes];
        for (int i = 0; i < values.length; i++) {
            long v = bits == 8 ? values[i] + 128 : values[i];
            for (int k = 0; k < bytes; k++) {
                int shift = 8 * (bigEndian ? bytes - 1 - k : k);
                out[i * bytes + k] = (byte) (v >> shift);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerWavIsScaledLikeSoundfile(int bits) throws IOException {
        long[] values = extremes(bits);
        for (boolean extensible : new boolean[] {false, true}) {
            AudioClip clip = AudioLoader.decode(wav(1, 1, 8000, bits, intPcm(values, bits, false), extensible));
            assertEquals(8000, clip.sampleRate());
            for (int i = 0; i < values.length; i++) {
                assertEquals((float) (values[i] / Math.pow(2, bits - 1)), clip.samples()[i], 0f, bits + "-bit sample " + i);
            }
        }
    }

    @Test
    void floatWavIsReadAsIs() throws IOException {
        double[] values = {0, 0.5, -0.25, 1.5, -1};
        ByteBuffer f32 = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer f64 = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            f32.putFloat((float) v);
            f64.putDouble(v);
        }
        float[] a = AudioLoader.decode(wav(3, 1, 44100, 32, f32.array(), false)).samples();
        float[] b = AudioLoader.decode(wav(3, 1, 44100, 64, f64.array(), true)).samples();
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], a[i], 0);
            assertEquals(values[i], b[i], 0);
        }
    }

    @Test
    void stereoIsAveragedToMono() throws IOException {
        long[] lr = {1000, 3000, -2000, 2000, 32767, 32767};
        AudioClip clip = AudioLoader.decode(wav(1, 2, 22050, 16, intPcm(lr, 16, false), false));
        assertEquals(2, clip.sourceChannels());
        assertArrayEquals(new float[] {2000 / 32768f, 0, 32767 / 32768f}, clip.samples(), 1e-7f);
    }

    @Test
    void auIsBigEndianAndSupportsMuLaw() throws IOException {
        long[] values = extremes(16);
        byte[] pcm = intPcm(values, 16, true);
        ByteBuffer b = ByteBuffer.allocate(24 + pcm.length);
        b.put(ascii(".snd")).putInt(24).putInt(pcm.length).putInt(3).putInt(22050).putInt(1).put(pcm);
        AudioClip clip = AudioLoader.decode(b.array());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i] / 32768.0, clip.samples()[i], 1e-9);
        }
        // mu-law 0xFF is +0 and 0x80 the most positive code (+32124) in G.711.
        ByteBuffer u = ByteBuffer.allocate(24 + 3);
        u.put(ascii(".snd")).putInt(24).putInt(-1).putInt(1).putInt(8000).putInt(1).put(new byte[] {(byte) 0xFF,
            (byte) 0x80, 0x00});
        float[] mu = AudioLoader.decode(u.array()).samples();
        assertArrayEquals(new float[] {0, 32124 / 32768f, -32124 / 32768f}, mu, 1e-7f);
    }

    @Test
    void wavWriterRoundTripsWithin16BitPrecision() throws IOException {
        float[] signal = new float[1000];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) (0.8 * Math.sin(i * 0.05));
        }
        Path file = dir.resolve("tone.wav");
        WavWriter.write(file, signal, 16000, 1);
        float[] back = AudioLoader.decode(file).samples();
        assertEquals(signal.length, back.length);
        for (int i = 0; i < signal.length; i++) {
            // Written with 32767 and read with 1/32768, as libsndfile does.
            assertEquals(signal[i], back[i], 2.0 / 32768);
        }
    }

    @Test
    void badInputIsNamedWithItsReason() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertMessage(empty, "empty file");
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are my notes, not audio\n");
        assertMessage(text, "not a recognised audio format");
        byte[] full = WavWriter.pcm16(new float[4000], 8000, 1);
        Path truncated = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(full, 3000));
        assertMessage(truncated, "truncated: 0.2 s of audio where the file declares 0.5 s (less than half)");
        Path adpcm = Files.write(dir.resolve("adpcm.wav"), wav(2, 1, 8000, 4, new byte[100], false));
        assertMessage(adpcm, "unsupported WAV codec 0x0002");
        Path headerOnly = Files.write(dir.resolve("header.wav"), Arrays.copyOf(full, 20));
        assertMessage(headerOnly, "WAV");
        assertThrows(IOException.class, () -> AudioLoader.decode(dir.resolve("missing.wav")));
    }

    static void assertMessage(Path file, String expected) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioLoader.decode(file));
        assertTrue(e.getMessage().contains(expected), "message for " + file.getFileName() + ": " + e.getMessage());
    }
}
