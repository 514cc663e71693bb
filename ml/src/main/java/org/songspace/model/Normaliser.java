package org.songspace.model;

import org.songspace.io.UserError;

/**
 * Standardisation with statistics from the training tracks: {@code (x - mean[m]) / std[m]}, per mel band
 * or with one mean and deviation for every band (then all entries are equal). Stored in model.json so that
 * embedding new audio applies exactly what training saw.
 */
public record Normaliser(float[] mean, float[] std) {

    public Normaliser {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Accumulates band statistics over [nMels][frames] dB spectrograms. */
    public static final class Accumulator {
        private final double[] sum;
        private final double[] sumSq;
        private long count;

        public Accumulator(int nMels) {
            sum = new double[nMels];
            sumSq = new double[nMels];
        }

        public void add(float[] values, int nMels, int frames) {
            for (int m = 0; m < nMels; m++) {
                double s = 0;
                double q = 0;
                for (int t = 0; t < frames; t++) {
                    double v = values[m * frames + t];
                    s += v;
                    q += v * v;
                }
                sum[m] += s;
                sumSq[m] += q;
            }
            count += frames;
        }

        /** One mean and standard deviation over every band (the spectrogram's shape across bands is kept). */
        public Normaliser buildGlobal() {
            if (count == 0) {
                throw new UserError("no frames to compute normalisation statistics from");
            }
            double s = 0;
            double q = 0;
            for (int m = 0; m < sum.length; m++) {
                s += sum[m];
                q += sumSq[m];
            }
            double cells = (double) count * sum.length;
            double mu = s / cells;
            float std = (float) Math.max(1e-3, Math.sqrt(Math.max(0, q / cells - mu * mu)));
            float[] mean = new float[sum.length];
            float[] stds = new float[sum.length];
            java.util.Arrays.fill(mean, (float) mu);
            java.util.Arrays.fill(stds, std);
            return new Normaliser(mean, stds);
        }

        public Normaliser build() {
            if (count == 0) {
                throw new UserError("no frames to compute normalisation statistics from");
            }
            float[] mean = new float[sum.length];
            float[] std = new float[sum.length];
            for (int m = 0; m < sum.length; m++) {
                double mu = sum[m] / count;
                mean[m] = (float) mu;
                std[m] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[m] / count - mu * mu)));
            }
            return new Normaliser(mean, std);
        }
    }

    /** Standardises a batch [n][nMels][frames] in place. */
    public void apply(float[] batch, int n, int frames) {
        int nMels = mean.length;
        for (int b = 0; b < n; b++) {
            for (int m = 0; m < nMels; m++) {
                int base = (b * nMels + m) * frames;
                float mu = mean[m];
                float inv = 1f / std[m];
                for (int t = 0; t < frames; t++) {
                    batch[base + t] = (batch[base + t] - mu) * inv;
                }
            }
        }
    }
}
