package org.songspace.map;

import java.util.Random;
import tagbio.umap.Umap;
import org.songspace.io.UserError;

/**
 * 2-D (or 3-D) layouts of embeddings for maps. UMAP (the tagbio pure-Java port) with documented
 * defaults, seeded; PCA as a fast deterministic alternative.
 */
public final class Projection {
    /** UMAP neighbours: 15, as umap-learn's default. */
    public static final int DEFAULT_NEIGHBOURS = 15;
    /** UMAP minimum distance: 0.1, as umap-learn's default. */
    public static final float DEFAULT_MIN_DIST = 0.1f;

    /** Which projection. */
    public enum Method { UMAP, PCA }

    private Projection() {
    }

    public static float[][] project(float[][] vectors, Method method, int components, long seed) {
        if (vectors.length == 0) {
            throw new UserError("nothing to project");
        }
        if (components < 2 || components > 3) {
            throw new UserError("components must be 2 or 3, got " + components);
        }
        return method == Method.PCA || vectors.length < 4 ? pca(vectors, components) : umap(vectors, components, seed);
    }

    /**
     * UMAP of the directions of the vectors (cosine neighbours), {@value #DEFAULT_NEIGHBOURS} neighbours
     * (fewer for tiny sets) and min_dist {@value #DEFAULT_MIN_DIST}, single-threaded so the seed fixes the
     * result. It runs Euclidean distance on unit-length copies, which ranks neighbours exactly as cosine
     * does: the port's "cosine" metric fails (a NullPointerException in its nearest-neighbour descent)
     * on more than 4096 points.
     */
    public static float[][] umap(float[][] vectors, int components, long seed) {
        float[][] unit = new float[vectors.length][];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = org.songspace.vectors.Vectors.normalise(vectors[i].clone());
        }
        Umap umap = new Umap();
        umap.setNumberComponents(components);
        umap.setNumberNearestNeighbours(Math.max(2, Math.min(DEFAULT_NEIGHBOURS, vectors.length - 1)));
        umap.setMinDist(DEFAULT_MIN_DIST);
        umap.setMetric("euclidean");
        umap.setSeed(seed);
        umap.setRandom(new Random(seed));
        umap.setThreads(1);
        umap.setVerbose(false);
        return umap.fitTransform(unit);
    }

    /** Principal components by power iteration with deflation on the centred data. */
    public static float[][] pca(float[][] vectors, int components) {
        int n = vectors.length;
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = vectors[i][j] - mean[j];
            }
        }
        float[][] out = new float[n][components];
        Random random = new Random(0);
        for (int c = 0; c < components; c++) {
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = random.nextGaussian();
            }
            for (int iter = 0; iter < 200; iter++) {
                double[] next = new double[d];
                for (double[] row : x) {
                    double p = 0;
                    for (int j = 0; j < d; j++) {
                        p += row[j] * w[j];
                    }
                    for (int j = 0; j < d; j++) {
                        next[j] += p * row[j];
                    }
                }
                double norm = 0;
                for (double v : next) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    break;
                }
                for (int j = 0; j < d; j++) {
                    next[j] /= norm;
                }
                w = next;
            }
            // Fix the sign so the result is deterministic, then project and deflate.
            int biggest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(w[j]) > Math.abs(w[biggest])) {
                    biggest = j;
                }
            }
            if (w[biggest] < 0) {
                for (int j = 0; j < d; j++) {
                    w[j] = -w[j];
                }
            }
            for (int i = 0; i < n; i++) {
                double p = 0;
                for (int j = 0; j < d; j++) {
                    p += x[i][j] * w[j];
                }
                out[i][c] = (float) p;
                for (int j = 0; j < d; j++) {
                    x[i][j] -= p * w[j];
                }
            }
        }
        return out;
    }
}
