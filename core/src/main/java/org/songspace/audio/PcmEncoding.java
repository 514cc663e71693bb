package org.songspace.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Uncompressed sample encodings found in WAV and AU files, and their conversion to float.
 * Integer PCM is scaled like soundfile/libsndfile: a b-bit value is divided by 2^(b-1).
 */
enum PcmEncoding {
    UNSIGNED_8(1), SIGNED_8(1), SIGNED_16(2), SIGNED_24(3), SIGNED_32(4), FLOAT_32(4), FLOAT_64(8),
    MU_LAW(1), A_LAW(1);

    final int bytesPerSample;

    PcmEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    /**
     * Converts {@code frames} interleaved frames starting at {@code offset} straight to mono, so a 30 s
     * clip costs one output array and no intermediate buffers.
     */
    float[] toMono(byte[] data, int offset, int frames, int channels, boolean bigEndian) {
        float[] mono = new float[frames];
        ByteBuffer buf = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int frameBytes = bytesPerSample * channels;
        if (channels == 1 && this == SIGNED_16 && !bigEndian) {
            for (int f = 0, p = offset; f < frames; f++, p += 2) {
                mono[f] = (short) ((data[p] & 0xff) | (data[p + 1] << 8)) / 32768f;
            }
            return mono;
        }
        for (int f = 0; f < frames; f++) {
            int p = offset + f * frameBytes;
            if (channels == 1) {
                mono[f] = (float) sample(buf, data, p, bigEndian);
            } else {
                // librosa downmixes float32 samples: average the already-scaled values.
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += (float) sample(buf, data, p + c * bytesPerSample, bigEndian);
                }
                mono[f] = (float) (sum / channels);
            }
        }
        return mono;
    }

    private double sample(ByteBuffer buf, byte[] d, int p, boolean bigEndian) {
        return switch (this) {
            case UNSIGNED_8 -> ((d[p] & 0xff) - 128) / 128.0;
            case SIGNED_8 -> d[p] / 128.0;
            case SIGNED_16 -> buf.getShort(p) / 32768.0;
            case SIGNED_24 -> {
                int v = bigEndian
                        ? d[p] << 16 | (d[p + 1] & 0xff) << 8 | (d[p + 2] & 0xff)
                        : d[p + 2] << 16 | (d[p + 1] & 0xff) << 8 | (d[p] & 0xff);
                yield v / 8388608.0;
            }
            case SIGNED_32 -> buf.getInt(p) / 2147483648.0;
            case FLOAT_32 -> buf.getFloat(p);
            case FLOAT_64 -> buf.getDouble(p);
            case MU_LAW -> Samples.ulawToLinear(d[p] & 0xff) / 32768.0;
            case A_LAW -> Samples.alawToLinear(d[p] & 0xff) / 32768.0;
        };
    }
}
