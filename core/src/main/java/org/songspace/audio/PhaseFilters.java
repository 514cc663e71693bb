package org.songspace.audio;

/**
 * A rational-ratio resampler's filters, one per phase, as contiguous float kernels over
 * {@code x[n - before .. n + after]}.
 */
final class PhaseFilters {
    private final float[][] kernels;
    private final int before;

    private PhaseFilters(float[][] kernels, int before) {
        this.kernels = kernels;
        this.before = before;
    }

    /**
     * An integer decimation's single filter, repeated over {@code period} output phases, so that it runs
     * through the same blocked multiply-adds with few gathered rows per output.
     */
    static PhaseFilters decimating(double[] left, double[] right, int period) {
        int before = left.length - 1;
        float[] kernel = new float[before + 1 + right.length];
        for (int i = 0; i < left.length; i++) {
            kernel[before - i] = (float) left[i];
        }
        for (int k = 0; k < right.length; k++) {
            kernel[before + 1 + k] = (float) right[k];
        }
        float[][] kernels = new float[period][];
        java.util.Arrays.fill(kernels, kernel);
        return new PhaseFilters(kernels, before);
    }

    static PhaseFilters build(double[] win, int up, double scale, int indexStep, int precision, double gain) {
        Resampler.PhaseWeights[] weights = new Resampler.PhaseWeights[up];
        int before = 0;
        int after = 0;
        for (int r = 0; r < up; r++) {
            weights[r] = Resampler.PhaseWeights.of(win, scale * r / up, scale, indexStep, precision, gain);
            before = Math.max(before, weights[r].left().length - 1);
            after = Math.max(after, weights[r].right().length);
        }
        float[][] kernels = new float[up][before + 1 + after];
        for (int r = 0; r < up; r++) {
            double[] left = weights[r].left();
            double[] right = weights[r].right();
            for (int i = 0; i < left.length; i++) {
                kernels[r][before - i] = (float) left[i];
            }
            for (int k = 0; k < right.length; k++) {
                kernels[r][before + 1 + k] = (float) right[k];
            }
        }
        return new PhaseFilters(kernels, before);
    }

    /** Rows gathered together: consecutive inputs of one period share a cache line. */
    private static final int GATHER = 16;

    /**
     * {@code z[i][jj] = xp[down * (j0 + jj) + i]} with xp the input behind {@code before} zeros (and zeros
     * after it), a transpose done {@value #GATHER} rows at a time; no padded copy of the input is made.
     */
    private static void gather(float[] x, int before, int down, int j0, int count, float[][] z, int rows) {
        int first = down * j0 - before;
        if (first < 0 || first + down * (count - 1) + rows > x.length) {
            // The edges: zeros outside the input.
            for (int i = 0; i < rows; i++) {
                float[] row = z[i];
                for (int jj = 0, at = first + i; jj < count; jj++, at += down) {
                    row[jj] = at >= 0 && at < x.length ? x[at] : 0f;
                }
            }
            return;
        }
        int i0 = 0;
        for (; i0 + GATHER <= rows; i0 += GATHER) {
            for (int jj = 0, at = first + i0; jj < count; jj++, at += down) {
                for (int r = 0; r < GATHER; r++) {
                    z[i0 + r][jj] = x[at + r];
                }
            }
        }
        for (int i = i0; i < rows; i++) {
            float[] row = z[i];
            for (int jj = 0, at = first + i; jj < count; jj++, at += down) {
                row[jj] = x[at];
            }
        }
    }

    /** Periods of the ratio handled together: the gathered inputs of a block stay in cache. */
    private static final int BLOCK = 512;

    /**
     * One period of {@code down} inputs gives {@code up} outputs, and output {@code r + up*j} is the
     * kernel of phase {@code r*down mod up} against {@code xp[down*j + q_r ...]}. The inputs are gathered once per block into rows
     * {@code z[i][j] = xp[down*j + i]}, so each kernel tap becomes a multiply-add over a contiguous row
     * (which the JIT vectorises) instead of a dot product per output sample (which it does not).
     */
    static void run(float[] x, PhaseFilters f, int up, int down, float[] y, int produced) {
        int width = f.kernels[0].length;
        int[] q = new int[up];
        for (int r = 0; r < up; r++) {
            q[r] = (int) ((long) r * down / up);
        }
        int rows = q[up - 1] + width;
        int periods = (produced + up - 1) / up;
        float[][] z = new float[rows][BLOCK];
        float[] acc = new float[BLOCK];
        for (int j0 = 0; j0 < periods; j0 += BLOCK) {
            int count = Math.min(BLOCK, periods - j0);
            gather(x, f.before, down, j0, count, z, rows);
            for (int r = 0; r < up; r++) {
                java.util.Arrays.fill(acc, 0, count, 0f);
                // Output r + up*j sits at fractional position (r * down mod up) / up past its input sample.
                float[] h = f.kernels[(int) ((long) r * down % up)];
                int base = q[r];
                int k = 0;
                // Eight taps per pass over the accumulator: an eighth of its loads and stores.
                for (; k + 7 < width; k += 8) {
                    float c0 = h[k];
                    float c1 = h[k + 1];
                    float c2 = h[k + 2];
                    float c3 = h[k + 3];
                    float c4 = h[k + 4];
                    float c5 = h[k + 5];
                    float c6 = h[k + 6];
                    float c7 = h[k + 7];
                    float[] r0 = z[base + k];
                    float[] r1 = z[base + k + 1];
                    float[] r2 = z[base + k + 2];
                    float[] r3 = z[base + k + 3];
                    float[] r4 = z[base + k + 4];
                    float[] r5 = z[base + k + 5];
                    float[] r6 = z[base + k + 6];
                    float[] r7 = z[base + k + 7];
                    for (int jj = 0; jj < count; jj++) {
                        float v = Math.fma(c0, r0[jj], acc[jj]);
                        v = Math.fma(c1, r1[jj], v);
                        v = Math.fma(c2, r2[jj], v);
                        v = Math.fma(c3, r3[jj], v);
                        v = Math.fma(c4, r4[jj], v);
                        v = Math.fma(c5, r5[jj], v);
                        v = Math.fma(c6, r6[jj], v);
                        acc[jj] = Math.fma(c7, r7[jj], v);
                    }
                }
                for (; k < width; k++) {
                    float c = h[k];
                    float[] row = z[base + k];
                    for (int jj = 0; jj < count; jj++) {
                        acc[jj] += c * row[jj];
                    }
                }
                for (int jj = 0, t = r + up * j0; jj < count && t < produced; jj++, t += up) {
                    y[t] = acc[jj];
                }
            }
        }
    }
}
