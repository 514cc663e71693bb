package org.songspace.vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Whether a set of embeddings still spreads out, or has collapsed onto a few directions (a model whose
 * loss looks fine can map every song to almost the same vector; k-NN then works on the last digits).
 *
 * @param meanPairwiseCosine mean cosine similarity between distinct vectors: about 0 for a well spread
 *                           set, near 1 when everything points the same way
 * @param effectiveRank      exp of the entropy of the normalised singular values of the unit-length
 *                           vectors (Roy and Vetterli, 2007): about 1 for a collapsed set, up to the
 *                           dimension for an isotropic one
 */
public record EmbeddingDiagnostics(double meanPairwiseCosine, double effectiveRank) {
    /** Above this mean pairwise cosine a set is collapsed: distinct songs are "99 % similar". */
    public static final double COLLAPSED_COSINE = 0.98;
    /** Below this effective rank a set is collapsed: the embeddings span about one direction. */
    public static final double COLLAPSED_RANK = 2.0;

    public static EmbeddingDiagnostics of(float[][] vectors) {
        int n = vectors.length;
        if (n < 2) {
            return new EmbeddingDiagnostics(Double.NaN, Double.NaN);
        }
        int d = vectors[0].length;
        DMatrixRMaj unit = new DMatrixRMaj(n, d);
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            float[] u = Vectors.normalise(vectors[i].clone());
            for (int j = 0; j < d; j++) {
                unit.unsafe_set(i, j, u[j]);
                sum[j] += u[j];
            }
        }
        // Sum over i != j of u_i . u_j = |sum of u|^2 - n, for unit vectors.
        double squared = 0;
        for (double s : sum) {
            squared += s * s;
        }
        double meanCosine = (squared - n) / ((double) n * (n - 1));
        return new EmbeddingDiagnostics(meanCosine, effectiveRank(unit));
    }

    private static double effectiveRank(DMatrixRMaj x) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(x.numRows, x.numCols, false, false, true);
        if (!svd.decompose(x)) {
            return Double.NaN;
        }
        double total = 0;
        for (double s : svd.getSingularValues()) {
            total += s;
        }
        if (total == 0) {
            return 0;
        }
        double entropy = 0;
        for (double s : svd.getSingularValues()) {
            if (s > 0) {
                double p = s / total;
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }

    /** True when the set has collapsed by either measure. */
    public boolean collapsed() {
        return meanPairwiseCosine > COLLAPSED_COSINE || effectiveRank < COLLAPSED_RANK;
    }
}
