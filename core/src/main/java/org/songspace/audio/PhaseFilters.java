package org.songspace.audio;

/**
 * A rational-ratio resampler's filters, one per phase, as contiguous float kernels over
 * {@code x[n - before .. n + after]}, applied with four independent partial sums per output (the JIT does
 * not vectorise a floating-point reduction, but it pipelines independent ones).
 */
final class PhaseFilters {
    private final float[][] kernels;
    private final int before;

    private PhaseFilters(float[][] kernels, int before) {
        this.kernels = kernels;
        this.before = before;
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

    static void run(float[] x, PhaseFilters f, int up, int down, float[] y, int produced) {
        int width = f.kernels[0].length;
        float[] xp = new float[f.before + x.length + width + 1];
        System.arraycopy(x, 0, xp, f.before, x.length);
        for (int t = 0; t < produced; t++) {
            long num = (long) t * down;
            int n = (int) (num / up);
            float[] h = f.kernels[(int) (num % up)];
            // xp[n + m] is x[n - before + m]
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int m = 0;
            for (; m + 3 < width; m += 4) {
                s0 += h[m] * xp[n + m];
                s1 += h[m + 1] * xp[n + m + 1];
                s2 += h[m + 2] * xp[n + m + 2];
                s3 += h[m + 3] * xp[n + m + 3];
            }
            for (; m < width; m++) {
                s0 += h[m] * xp[n + m];
            }
            y[t] = (s0 + s1) + (s2 + s3);
        }
    }
}
