package org.songspace.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.songspace.io.AtomicFiles;

/** Writes mono or interleaved 16-bit PCM WAV files atomically (the demo corpus and test fixtures). */
public final class WavWriter {
    private WavWriter() {
    }

    /** Encodes interleaved samples in [-1, 1] as 16-bit PCM WAV bytes; values beyond full scale are clipped. */
    public static byte[] pcm16(float[] interleaved, int sampleRate, int channels) {
        int dataBytes = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (float v : interleaved) {
            // Round half away from zero, as libsndfile does when writing PCM_16.
            long s = Math.round(Math.max(-1f, Math.min(1f, v)) * 32767.0);
            b.putShort((short) Math.max(-32768, Math.min(32767, s)));
        }
        return b.array();
    }

    public static void write(Path path, float[] interleaved, int sampleRate, int channels) throws IOException {
        byte[] bytes = pcm16(interleaved, sampleRate, channels);
        AtomicFiles.write(path, out -> out.write(bytes));
    }
}
