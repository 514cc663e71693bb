package org.songspace.vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The classic timbre model (Mandel and Ellis 2005; Musly's "mandelellis"): one Gaussian with full
 * covariance over a track's MFCC frames, compared by the symmetrised Kullback-Leibler divergence. A track
 * is stored as one float vector {@code [mean (d), covariance (d*d), inverse covariance (d*d)]}, so it
 * travels through embedding files and k-NN like any embedding; only the distance differs.
 */
public final class GaussianTimbre {
    /** MFCCs per frame, as Musly. */
    public static final int COEFFICIENTS = 25;

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
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        for (double[] f : frames) {
            for (int i = 0; i < d; i++) {
                double a = f[i] - mean[i];
                for (int j = i; j < d; j++) {
                    cov.add(i, j, a * (f[j] - mean[j]));
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = cov.get(i, j) / (n - 1);
                cov.set(i, j, v);
                cov.set(j, i, v);
            }
            trace += cov.get(i, i);
        }
        // A silent or constant stretch makes the covariance singular; a whisper of isotropic variance keeps it invertible.
        for (int i = 0; i < d; i++) {
            cov.add(i, i, 1e-6 * trace / d + 1e-9);
        }
        return pack(mean, cov);
    }

    private static float[] pack(double[] mean, DMatrixRMaj cov) {
        int d = mean.length;
        DMatrixRMaj inv = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.invert(cov, inv)) {
            throw new IllegalArgumentException("the MFCC covariance cannot be inverted");
        }
        float[] packed = new float[d + 2 * d * d];
        for (int i = 0; i < d; i++) {
            packed[i] = (float) mean[i];
        }
        for (int k = 0; k < d * d; k++) {
            packed[d + k] = (float) cov.data[k];
            packed[d + d * d + k] = (float) inv.data[k];
        }
        return packed;
    }

    /**
     * The Gaussian whose mean and covariance are the weighted means of the given ones' (its inverse
     * recomputed): the "centre" of several seeds of a mix, or a point between two tracks on a path.
     */
    public static float[] blend(java.util.List<float[]> gaussians, double[] weights) {
        int d = dimensionOf(gaussians.get(0).length);
        double[] mean = new double[d];
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
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
                cov.data[k] += w * p[d + k];
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
     * A similarity in (-1, 1] from the divergence, 1 for the same Gaussian and 0 at a divergence of
     * {@code d}: (d - skl) / (d + skl). It orders exactly as the divergence does.
     */
    public static double similarity(float[] a, float[] b) {
        int d = dimensionOf(a.length);
        double skl = symmetricKl(a, b);
        return (d - skl) / (d + skl);
    }

    /** d from a packed length d + 2 d^2. */
    public static int dimensionOf(int packedLength) {
        int d = (int) Math.round((-1 + Math.sqrt(1 + 8.0 * packedLength)) / 4);
        if (d + 2 * d * d != packedLength) {
            throw new IllegalArgumentException(packedLength + " floats is not a packed Gaussian (d + 2 d^2)");
        }
        return d;
    }

    /**
     * KL(a||b) + KL(b||a) = (tr(Sb^-1 Sa) + tr(Sa^-1 Sb) + dm' (Sa^-1 + Sb^-1) dm) / 2 - d: zero for the same
     * Gaussian, symmetric, and cheap (no log-determinants).
     */
    public static double symmetricKl(float[] a, float[] b) {
        int d = dimensionOf(a.length);
        int cov = d;
        int inv = d + d * d;
        double traces = 0;
        for (int k = 0; k < d * d; k++) {
            traces += (double) b[inv + k] * a[cov + k] + (double) a[inv + k] * b[cov + k];
        }
        double quad = 0;
        for (int i = 0; i < d; i++) {
            double di = a[i] - b[i];
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += ((double) a[inv + i * d + j] + b[inv + i * d + j]) * (a[j] - b[j]);
            }
            quad += di * row;
        }
        return Math.max(0, (traces + quad) / 2 - d);
    }
}
