package org.songspace.map;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.songspace.io.UserError;
import tagbio.umap.Umap;

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

    /**
     * Principal components: the centred data's singular value decomposition (EJML), each axis signed so
     * that its largest coordinate is positive, which makes the result deterministic.
     */
    public static float[][] pca(float[][] vectors, int components) {
        int n = vectors.length;
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / (double) n;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.unsafe_set(i, j, vectors[i][j] - mean[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        if (!svd.decompose(x.copy())) {
            throw new IllegalStateException("PCA: the SVD of a " + n + " x " + d + " matrix did not converge");
        }
        DMatrixRMaj v = svd.getV(null, false);
        double[] singular = svd.getSingularValues();
        Integer[] order = new Integer[singular.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(singular[b], singular[a]));
        float[][] out = new float[n][components];
        for (int c = 0; c < Math.min(components, order.length); c++) {
            int col = order[c];
            int biggest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v.get(j, col)) > Math.abs(v.get(biggest, col))) {
                    biggest = j;
                }
            }
            double sign = v.get(biggest, col) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double p = 0;
                for (int j = 0; j < d; j++) {
                    p += x.unsafe_get(i, j) * v.get(j, col);
                }
                out[i][c] = (float) (sign * p);
            }
        }
        return out;
    }
}
