package org.songspace.features;

import org.jtransforms.fft.DoubleFFT_1D;

/** JTransforms in double precision (its float transforms are no faster at this size, and less exact). */
final class JTransformsFrameTransform implements FrameTransform {
    private final DoubleFFT_1D fft;
    private final double[] buf;

    JTransformsFrameTransform(int n) {
        this.fft = new DoubleFFT_1D(n);
        this.buf = new double[n];
    }

    @Override
    public void powerSpectrum(float[] frame, float[][] power, int column) {
        int n = buf.length;
        for (int i = 0; i < n; i++) {
            buf[i] = frame[i];
        }
        fft.realForward(buf);
        // JTransforms packs Re[0], Re[n/2], then (Re[k], Im[k]) pairs.
        int last = n / 2;
        power[0][column] = (float) (buf[0] * buf[0]);
        power[last][column] = (float) (buf[1] * buf[1]);
        for (int k = 1; k < last; k++) {
            double re = buf[2 * k];
            double im = buf[2 * k + 1];
            power[k][column] = (float) (re * re + im * im);
        }
    }

    @Override
    public void close() {
        // nothing native
    }
}
