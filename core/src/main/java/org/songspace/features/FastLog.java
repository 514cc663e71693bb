package org.songspace.features;

/**
 * 10 * log10(x) for positive floats through a 4096-entry table of log2 over the mantissa with linear
 * interpolation: absolute error below 1e-7 dB (librosa's own float32 log10 rounds to ~1e-5 dB), about
 * six times faster than {@link Math#log10}. The dB step was a quarter of a clip's feature time before.
 */
final class FastLog {
    private static final int BITS = 12;
    private static final int SHIFT = 23 - BITS;
    private static final float FRACTION_SCALE = 1f / (1 << SHIFT);
    private static final double DB_PER_OCTAVE = 10 * Math.log10(2);
    private static final double[] LOG2_MANTISSA = new double[(1 << BITS) + 1];

    static {
        for (int i = 0; i < LOG2_MANTISSA.length; i++) {
            LOG2_MANTISSA[i] = Math.log1p(i / (double) (1 << BITS)) / Math.log(2);
        }
    }

    private FastLog() {
    }

    /**
     * {@code out[i] = 10 log10(max(amin, p[i])) - offset} for every cell, returning the largest: one loop
     * over the spectrogram rather than a call per cell through {@link #decibels(float)}.
     */
    static float decibels(float[] p, float amin, double offset, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            float x = Math.max(amin, p[i]);
            int bits = Float.floatToRawIntBits(x);
            out[i] = (float) ((inTable(bits) ? DB_PER_OCTAVE * log2(bits) : 10 * Math.log10(x)) - offset);
            max = Math.max(max, out[i]);
        }
        return max;
    }

    /** 10 log10(x) in dB; x must be positive. */
    static double decibels(float x) {
        int bits = Float.floatToRawIntBits(x);
        return inTable(bits) ? DB_PER_OCTAVE * log2(bits) : 10 * Math.log10(x);
    }

    /** Positive normal floats: subnormals, infinities and NaN fall back to {@link Math#log10}. */
    private static boolean inTable(int bits) {
        return bits >= 0x00800000 && bits < 0x7f800000;
    }

    /** log2 of the positive normal float with these bits: its exponent plus the table's interpolated mantissa. */
    private static double log2(int bits) {
        int mantissa = bits & 0x7fffff;
        int index = mantissa >>> SHIFT;
        float frac = (mantissa & ((1 << SHIFT) - 1)) * FRACTION_SCALE;
        double lo = LOG2_MANTISSA[index];
        return ((bits >>> 23) - 127) + lo + frac * (LOG2_MANTISSA[index + 1] - lo);
    }
}
