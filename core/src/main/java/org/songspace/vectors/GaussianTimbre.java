package org.songspace.vectors;

/**
 * The classic timbre model (Mandel and Ellis 2005; Musly's "timbre" method): one Gaussian with full
 * covariance over a track's MFCC frames, compared by the Jensen-Shannon divergence. A track is stored as
 * one float vector {@code [mean (d), covariance (d*d), log-determinant of the covariance (1)]}, so it
 * travels through embedding files and k-NN like any embedding; only the distance differs.
 *
 * <p>Jensen-Shannon rather than the symmetrised Kullback-Leibler divergence of the first version: on real
 * music it is 3-6 points more accurate (docs/results.md), because KL weighs covariance directions by their
 * inverse variances and a track with one nearly constant coefficient becomes far from everything.
 */
public final class GaussianTimbre {
    /** MFCCs per frame, as Musly. */
    public static final int COEFFICIENTS = 25;
    /** The divergence the packed vectors are compared by; stored with models and indexes built from them. */
    public static final String DIVERGENCE = "jensen-shannon";

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<double[]> INVERSE_PIVOTS = ThreadLocal.withInitial(() -> new double[0]);

    private GaussianTimbre() {
    }

    /** The packed Gaussian of {@code frames} (rows are frames, columns coefficients). */
    public static float[] fit(double[][] frames) {
        int n = frames.length;
        int d = frames[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("a Gaussian needs at least two frames, got " + n);
        }
        double[] mean = new double[d];
        for (double[] f : frames) {
            for (int i = 0; i < d; i++) {
                mean[i] += f[i] / n;
            }
        }
        double[] cov = new double[d * d];
        for (double[] f : frames) {
            for (int i = 0; i < d; i++) {
                double a = f[i] - mean[i];
                for (int j = i; j < d; j++) {
                    cov[i * d + j] += a * (f[j] - mean[j]);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = cov[i * d + j] / (n - 1);
                cov[i * d + j] = v;
                cov[j * d + i] = v;
            }
            trace += cov[i * d + i];
        }
        // A silent or constant stretch makes the covariance singular; a whisper of isotropic variance keeps it invertible.
        for (int i = 0; i < d; i++) {
            cov[i * d + i] += 1e-6 * trace / d + 1e-9;
        }
        return pack(mean, cov);
    }

    private static float[] pack(double[] mean, double[] cov) {
        int d = mean.length;
        double logDet = logDeterminant(cov.clone(), d);
        if (Double.isNaN(logDet)) {
            throw new IllegalArgumentException("the MFCC covariance is not positive definite");
        }
        float[] packed = new float[packedLength(d)];
        for (int i = 0; i < d; i++) {
            packed[i] = (float) mean[i];
        }
        for (int k = 0; k < d * d; k++) {
            packed[d + k] = (float) cov[k];
        }
        packed[d + d * d] = (float) logDet;
        return packed;
    }

    /** Floats in the packed Gaussian of {@code d} coefficients. */
    public static int packedLength(int d) {
        return d + d * d + 1;
    }

    /**
     * log det of the symmetric matrix in {@code m} (row-major, d x d) by an in-place Cholesky factorisation
     * of its lower triangle; NaN when it is not positive definite. Every search of the timbre model runs
     * this once per track, so: four partial sums per row product (a chain of dependent additions is what
     * bounds it), a multiplication by each pivot's inverse instead of a division per element, and one
     * logarithm per eight pivots.
     */
    private static double logDeterminant(double[] m, int d) {
        double[] inverse = INVERSE_PIVOTS.get();
        if (inverse.length < d) {
            inverse = new double[d];
            INVERSE_PIVOTS.set(inverse);
        }
        double logs = 0;
        double product = 1;
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int j = 0; j <= i; j++) {
                int other = j * d;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int k = 0;
                for (; k + 3 < j; k += 4) {
                    s0 += m[row + k] * m[other + k];
                    s1 += m[row + k + 1] * m[other + k + 1];
                    s2 += m[row + k + 2] * m[other + k + 2];
                    s3 += m[row + k + 3] * m[other + k + 3];
                }
                for (; k < j; k++) {
                    s0 += m[row + k] * m[other + k];
                }
                double v = m[row + j] - ((s0 + s1) + (s2 + s3));
                if (i == j) {
                    if (!(v > 0)) {
                        return Double.NaN;
                    }
                    double root = Math.sqrt(v);
                    m[row + i] = root;
                    inverse[i] = 1 / root;
                    // log det = the sum of the pivots' logs; pivots of eight rows multiplied stay far inside double range.
                    product *= v;
                    if ((i & 7) == 7) {
                        logs += Math.log(product);
                        product = 1;
                    }
                } else {
                    m[row + j] = v * inverse[j];
                }
            }
        }
        return logs + Math.log(product);
    }

    /**
     * The Jensen-Shannon distance as Musly computes it: the divergence of each Gaussian from their
     * moment-matched mixture, {@code sqrt(logdet(Sm) / 2 - (logdet(Sa) + logdet(Sb)) / 4)} with {@code Sm
     * = (Sa + Sb) / 2 + dm dm'} and {@code dm = (ma - mb) / 2}. Zero for the same Gaussian, symmetric, and a
     * metric-like square root.
     */
    public static double jensenShannon(float[] a, float[] b) {
        int d = dimensionOf(a.length);
        if (java.util.Arrays.equals(a, b)) {
            // Float rounding of the log-determinants would leave a track a hair away from itself.
            return 0;
        }
        double[] merged = SCRATCH.get();
        if (merged.length < d * d + d) {
            merged = new double[d * d + d];
            SCRATCH.set(merged);
        }
        int half = d * d;
        for (int i = 0; i < d; i++) {
            merged[half + i] = 0.5 * ((double) a[i] - b[i]);
        }
        for (int i = 0; i < d; i++) {
            double di = merged[half + i];
            int row = i * d;
            for (int j = 0; j <= i; j++) {
                merged[row + j] = 0.5 * ((double) a[d + row + j] + b[d + row + j]) + di * merged[half + j];
            }
        }
        double logDet = logDeterminant(merged, d);
        if (Double.isNaN(logDet)) {
            return Double.MAX_VALUE;
        }
        double jsd = 0.5 * logDet - 0.25 * ((double) a[d + half] + b[d + half]);
        return Math.sqrt(Math.max(0, jsd));
    }

    /**
     * The Gaussian whose mean and covariance are the weighted means of the given ones' (its inverse
     * recomputed): the "centre" of several seeds of a mix, or a point between two tracks on a path.
     */
    public static float[] blend(java.util.List<float[]> gaussians, double[] weights) {
        int d = dimensionOf(gaussians.get(0).length);
        double[] mean = new double[d];
        double[] cov = new double[d * d];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int g = 0; g < gaussians.size(); g++) {
            float[] p = gaussians.get(g);
            double w = weights[g] / total;
            for (int i = 0; i < d; i++) {
                mean[i] += w * p[i];
            }
            for (int k = 0; k < d * d; k++) {
                cov[k] += w * p[d + k];
            }
        }
        return pack(mean, cov);
    }

    /** Coefficients whose correlations join the summary (the first ones carry most of the timbre). */
    static final int CORRELATED = 8;

    /**
     * What a vector index can search of a Gaussian: [means (d), half the log variances (d), correlations of
     * the first {@value #CORRELATED} coefficients (pairs)].
     */
    public static float[] summary(float[] packed) {
        int d = dimensionOf(packed.length);
        int c = Math.min(CORRELATED, d);
        float[] out = new float[2 * d + c * (c - 1) / 2];
        for (int i = 0; i < d; i++) {
            out[i] = packed[i];
            out[d + i] = (float) (0.5 * Math.log(Math.max(1e-12, packed[d + i * d + i])));
        }
        int at = 2 * d;
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                double v = Math.sqrt(Math.max(1e-24, (double) packed[d + i * d + i] * packed[d + j * d + j]));
                out[at++] = (float) (packed[d + i * d + j] / v);
            }
        }
        return out;
    }

    /**
     * Where {@link #similarity} is 0 when the library's own median distance is not known (indexes made
     * before {@link TimbreFilter#typicalDistance} was stored): 2.0, about the median on emotify-dev, gtzan-mini
     * and the demo corpus. A library unlike those has its own scale, which is why the filter now stores it.
     */
    public static final double TYPICAL_DISTANCE = 2.0;

    /** {@link #similarity(float[], float[], double)} at the fixed {@value #TYPICAL_DISTANCE}. */
    public static double similarity(float[] a, float[] b) {
        return similarity(a, b, TYPICAL_DISTANCE);
    }

    /**
     * A similarity in (-1, 1] from the divergence, 1 for the same Gaussian and 0 at {@code typical}, the
     * library's median distance: (c - js) / (c + js), so that, as with cosine, neighbours score above 0 and
     * unrelated tracks around it. It orders exactly as the divergence does.
     */
    public static double similarity(float[] a, float[] b, double typical) {
        double js = jensenShannon(a, b);
        return (typical - js) / (typical + js);
    }

    /** d from a packed length d + d^2 + 1. */
    public static int dimensionOf(int packedLength) {
        int d = (int) Math.round((-1 + Math.sqrt(4.0 * packedLength - 3)) / 2);
        if (packedLength(d) != packedLength) {
            throw new IllegalArgumentException(packedLength + " floats is not a packed Gaussian (d + d^2 + 1)");
        }
        return d;
    }
}
