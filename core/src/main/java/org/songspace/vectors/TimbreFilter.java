package org.songspace.vectors;

import java.util.List;

/**
 * How a library's Gaussians are put into a vector index: each track's {@link GaussianTimbre#summary}
 * (coefficient means and log deviations), standardised with the library's own mean and deviation per
 * component and scaled to unit length, so cosine neighbours in this space are good candidates for the
 * divergence to re-rank. Stored with the timbre model and the index it builds.
 *
 * @param divergence what the Gaussians are compared by ({@link GaussianTimbre#DIVERGENCE}; null in indexes
 *                   of the first, symmetrised-KL version, which are refused)
 * @param mean       per-component mean of the summaries
 * @param std        per-component standard deviation of the summaries
 * @param typicalDistance the median divergence between two of the library's tracks, where similarity is 0
 *                   (0 in indexes made before it was stored: {@link GaussianTimbre#TYPICAL_DISTANCE} then)
 */
public record TimbreFilter(String divergence, float[] mean, float[] std, double typicalDistance) {
    /** Pairs sampled for the median divergence of a large library (all pairs of a small one). */
    static final int DISTANCE_PAIRS = 4000;

    public TimbreFilter(String divergence, float[] mean, float[] std) {
        this(divergence, mean, std, 0);
    }

    public static TimbreFilter fit(List<float[]> gaussians) {
        if (gaussians.isEmpty()) {
            throw new IllegalArgumentException("a timbre filter needs at least one track");
        }
        int n = gaussians.size();
        float[][] summaries = new float[n][];
        for (int i = 0; i < n; i++) {
            summaries[i] = GaussianTimbre.summary(gaussians.get(i));
        }
        int dim = summaries[0].length;
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int j = 0; j < dim; j++) {
            double sum = 0;
            double sq = 0;
            for (float[] s : summaries) {
                sum += s[j];
                sq += (double) s[j] * s[j];
            }
            double m = sum / n;
            mean[j] = (float) m;
            std[j] = (float) Math.sqrt(Math.max(1e-12, sq / n - m * m));
        }
        return new TimbreFilter(GaussianTimbre.DIVERGENCE, mean, std, medianDistance(gaussians));
    }

    /**
     * The median Jensen-Shannon divergence between two different tracks: every pair of a small library, a
     * fixed-seed sample of {@value #DISTANCE_PAIRS} pairs of a large one; 0 for a single track.
     */
    static double medianDistance(List<float[]> gaussians) {
        int n = gaussians.size();
        if (n < 2) {
            return 0;
        }
        double[] d;
        if ((long) n * (n - 1) / 2 <= DISTANCE_PAIRS) {
            d = new double[n * (n - 1) / 2];
            int at = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    d[at++] = GaussianTimbre.jensenShannon(gaussians.get(i), gaussians.get(j));
                }
            }
        } else {
            java.util.Random random = new java.util.Random(42);
            d = new double[DISTANCE_PAIRS];
            for (int p = 0; p < d.length; p++) {
                int i = random.nextInt(n);
                int j = (i + 1 + random.nextInt(n - 1)) % n;
                d[p] = GaussianTimbre.jensenShannon(gaussians.get(i), gaussians.get(j));
            }
        }
        java.util.Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    /** The divergence where similarity is 0: this library's typical distance, or the fixed one of older indexes. */
    public double scale() {
        return typicalDistance > 0 ? typicalDistance : GaussianTimbre.TYPICAL_DISTANCE;
    }

    /** Similarity in (-1, 1] on this library's scale: 1 for the same Gaussian, 0 at its median distance. */
    public double similarity(float[] a, float[] b) {
        return GaussianTimbre.similarity(a, b, scale());
    }

    /** Whether Gaussians packed by this songspace can be searched with this filter. */
    public boolean current() {
        return GaussianTimbre.DIVERGENCE.equals(divergence);
    }

    /** The unit vector a Gaussian is indexed and searched by. */
    public float[] key(float[] gaussian) {
        float[] s = GaussianTimbre.summary(gaussian);
        if (s.length != mean.length) {
            throw new IllegalArgumentException("a Gaussian of " + s.length + " summary values for a filter of " + mean.length);
        }
        for (int j = 0; j < s.length; j++) {
            s[j] = (s[j] - mean[j]) / std[j];
        }
        return Vectors.normalise(s);
    }
}
