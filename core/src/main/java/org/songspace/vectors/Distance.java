package org.songspace.vectors;

/**
 * How far apart two tracks' vectors are (0 = the same), for k-NN and the evaluation figures. The built-in
 * metrics are {@link Knn.Metric}; another tool's distances come in as a {@code MatrixDistance} whose
 * "vectors" are row numbers.
 */
public interface Distance {
    double between(float[] a, float[] b);

    /** A short machine-readable name (for reports): cosine, euclidean, gaussian_js, ... */
    String name();
}
