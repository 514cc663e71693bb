package org.songspace.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Integer-factor decimation with one fixed FIR, {@code y[t] = sum_i left[i] x[Dt-i] + sum_k right[k] x[Dt+1+k]}
 * (zero outside x), by FFT: the input is split into its D polyphase components, each is convolved with
 * its share of the taps by overlap-save in blocks of {@value #FFT_SIZE}, and the D spectra are summed
 * before one inverse transform per block. For librosa's kaiser_best at 2:1 (200 taps) that is ~30x
 * fewer operations than the direct sums, in float FFTs accurate to ~1e-7.
 */
final class Decimator {
    private static final int FFT_SIZE = 4096;
    private static final ThreadLocal<FloatFFT_1D> FFT = ThreadLocal.withInitial(() -> new FloatFFT_1D(FFT_SIZE));

    private Decimator() {
    }

    static void run(float[] x, double[] left, double[] right, int factor, float[] y, int produced) {
        int before = left.length - 1; // taps reaching back before x[Dt]
        int taps = left.length + right.length;
        // h[m] weighs xp[Dt + m], where xp is x with {@code before} zeros in front
        double[] h = new double[taps];
        for (int i = 0; i < left.length; i++) {
            h[before - i] = left[i];
        }
        for (int k = 0; k < right.length; k++) {
            h[left.length + k] = right[k];
        }
        int perPhaseTaps = (taps + factor - 1) / factor;
        int valid = FFT_SIZE - perPhaseTaps + 1;
        FloatFFT_1D fft = FFT.get();
        float[][] kernels = new float[factor][];
        for (int p = 0; p < factor; p++) {
            // Phase p's taps g[j] = h[D j + p], reversed so that correlation becomes convolution.
            float[] g = new float[FFT_SIZE];
            for (int j = 0; j < perPhaseTaps; j++) {
                int m = factor * j + p;
                g[perPhaseTaps - 1 - j] = m < taps ? (float) h[m] : 0f;
            }
            fft.realForward(g);
            kernels[p] = g;
        }
        // phases[p][k] = xp[D k + p] = x[D k + p - before], zero-padded past the end for the last block
        int blocks = (produced + valid - 1) / valid;
        int perPhase = blocks * valid + FFT_SIZE;
        float[][] phases = new float[factor][perPhase];
        for (int i = 0; i < x.length; i++) {
            int j = i + before;
            phases[j % factor][j / factor] = x[i];
        }
        float[] sum = new float[FFT_SIZE];
        float[] block = new float[FFT_SIZE];
        for (int t0 = 0; t0 < produced; t0 += valid) {
            java.util.Arrays.fill(sum, 0f);
            for (int p = 0; p < factor; p++) {
                System.arraycopy(phases[p], t0, block, 0, FFT_SIZE);
                fft.realForward(block);
                multiplyAdd(block, kernels[p], sum);
            }
            fft.realInverse(sum, true);
            int count = Math.min(valid, produced - t0);
            System.arraycopy(sum, perPhaseTaps - 1, y, t0, count);
        }
    }

    /** {@code acc += a * b} for spectra in JTransforms' packed real-FFT layout. */
    private static void multiplyAdd(float[] a, float[] b, float[] acc) {
        acc[0] += a[0] * b[0];
        acc[1] += a[1] * b[1];
        for (int k = 2; k < a.length; k += 2) {
            float re = a[k] * b[k] - a[k + 1] * b[k + 1];
            float im = a[k] * b[k + 1] + a[k + 1] * b[k];
            acc[k] += re;
            acc[k + 1] += im;
        }
    }
}
