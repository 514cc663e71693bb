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
 */
public record TimbreFilter(String divergence, float[] mean, float[] std) {

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
        return new TimbreFilter(GaussianTimbre.DIVERGENCE, mean, std);
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
