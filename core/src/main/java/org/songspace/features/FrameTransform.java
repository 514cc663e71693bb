package org.songspace.features;

/** The power spectrum of windowed frames of one size; not thread-safe, one per thread and clip. */
interface FrameTransform extends AutoCloseable {
    /**
     * {@code power[k][column] = |X[k]|^2} for k = 0 .. n/2 of the real frame {@code frame} (length n): the
     * spectrum lands straight in a bin-major block of frames.
     */
    void powerSpectrum(float[] frame, float[][] power, int column);

    @Override
    void close();
}
