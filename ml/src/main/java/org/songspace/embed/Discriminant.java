package org.songspace.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A linear map that pulls one group's tracks together and pushes groups apart: each descriptor dimension
 * standardised, the {@code components} principal directions kept (few tracks per artist cannot support
 * more), then Fisher's discriminant between groups with the within-group scatter shrunk towards its mean
 * variance (regularised LDA). Its axes are what tell artists apart; genre neighbours of unseen artists follow,
 * as docs/results.md measures.
 *
 * @param mean  per input dimension, subtracted first
 * @param scale per input dimension, divided by next
 * @param axes  {@code [dimension][inputs]}: the output's axes in the standardised input space
 */
public record Discriminant(float[] mean, float[] scale, float[][] axes) {

    /** What to fit. */
    public record Settings(int components, int dimension, double shrinkage) {
        public static final Settings DEFAULT = new Settings(40, 30, 0.2);
    }

    public int dimension() {
        return axes.length;
    }

    /** As stored: the mean row, the scale row, then one row per axis ({@code [2 + dimension][inputs]}, row-major). */
    public float[] rows() {
        int inputs = mean.length;
        float[] out = new float[(axes.length + 2) * inputs];
        System.arraycopy(mean, 0, out, 0, inputs);
        System.arraycopy(scale, 0, out, inputs, inputs);
        for (int k = 0; k < axes.length; k++) {
            System.arraycopy(axes[k], 0, out, (k + 2) * inputs, inputs);
        }
        return out;
    }

    /** The discriminant whose {@link #rows()} are {@code rows}, each {@code inputs} long. */
    public static Discriminant ofRows(float[] rows, int inputs) {
        float[][] axes = new float[rows.length / inputs - 2][];
        for (int k = 0; k < axes.length; k++) {
            axes[k] = Arrays.copyOfRange(rows, (k + 2) * inputs, (k + 3) * inputs);
        }
        return new Discriminant(Arrays.copyOfRange(rows, 0, inputs), Arrays.copyOfRange(rows, inputs, 2 * inputs), axes);
    }

    public float[] apply(float[] input) {
        double[] z = new double[input.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (input[i] - mean[i]) / scale[i];
        }
        float[] out = new float[axes.length];
        for (int k = 0; k < axes.length; k++) {
            double s = 0;
            float[] axis = axes[k];
            for (int i = 0; i < z.length; i++) {
                s += axis[i] * z[i];
            }
            out[k] = (float) s;
        }
        return out;
    }

    /**
     * Fits on {@code inputs} with their {@code groups} (same order). Output dimensions are at most the number
     * of groups less one and the components kept.
     */
    public static Discriminant fit(List<float[]> inputs, List<String> groups, Settings settings) {
        int n = inputs.size();
        if (n < 3 || groups.size() != n) {
            throw new IllegalArgumentException("a discriminant needs at least 3 inputs with a group each, got " + n);
        }
        int d = inputs.get(0).length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        DMatrixRMaj z = standardise(inputs, mean, scale);
        int components = Math.min(settings.components(), Math.min(n - 1, d));
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(z, z, covariance);
        CommonOps_DDRM.scale(1.0 / n, covariance);
        DMatrixRMaj principal = topEigenvectors(covariance, components);
        DMatrixRMaj y = new DMatrixRMaj(n, components);
        CommonOps_DDRM.mult(z, principal, y);
        int[] group = indices(groups);
        int groupCount = Arrays.stream(group).max().orElse(0) + 1;
        int dimension = Math.min(settings.dimension(), Math.min(components, groupCount - 1));
        if (dimension < 1) {
            throw new IllegalArgumentException("a discriminant needs at least 2 groups");
        }
        DMatrixRMaj fisher = fisherAxes(y, group, groupCount, settings.shrinkage(), dimension);
        DMatrixRMaj axes = new DMatrixRMaj(d, dimension);
        CommonOps_DDRM.mult(principal, fisher, axes);
        float[][] out = new float[dimension][d];
        for (int k = 0; k < dimension; k++) {
            for (int i = 0; i < d; i++) {
                out[k][i] = (float) axes.get(i, k);
            }
        }
        return new Discriminant(mean, scale, out);
    }

    private static DMatrixRMaj standardise(List<float[]> inputs, float[] mean, float[] scale) {
        int n = inputs.size();
        int d = mean.length;
        double[] s = new double[d];
        double[] ss = new double[d];
        for (float[] x : inputs) {
            for (int i = 0; i < d; i++) {
                s[i] += x[i];
                ss[i] += (double) x[i] * x[i];
            }
        }
        for (int i = 0; i < d; i++) {
            double m = s[i] / n;
            mean[i] = (float) m;
            scale[i] = (float) (Math.sqrt(Math.max(0, ss[i] / n - m * m)) + 1e-9);
        }
        DMatrixRMaj z = new DMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            float[] x = inputs.get(r);
            for (int i = 0; i < d; i++) {
                z.set(r, i, (x[i] - mean[i]) / scale[i]);
            }
        }
        return z;
    }

    /**
     * Fisher's axes in the principal space: whiten the shrunk within-group scatter, then the leading directions
     * of the between-group scatter there. Scatters are per input, groups weighted by their size.
     */
    private static DMatrixRMaj fisherAxes(DMatrixRMaj y, int[] group, int groupCount, double shrinkage, int dimension) {
        int n = y.numRows;
        int p = y.numCols;
        double[][] groupMean = new double[groupCount][p];
        int[] size = new int[groupCount];
        double[] overall = new double[p];
        for (int r = 0; r < n; r++) {
            size[group[r]]++;
            for (int j = 0; j < p; j++) {
                groupMean[group[r]][j] += y.get(r, j);
                overall[j] += y.get(r, j) / n;
            }
        }
        for (int g = 0; g < groupCount; g++) {
            for (int j = 0; j < p; j++) {
                groupMean[g][j] /= size[g];
            }
        }
        DMatrixRMaj within = new DMatrixRMaj(p, p);
        DMatrixRMaj between = new DMatrixRMaj(p, p);
        for (int r = 0; r < n; r++) {
            addOuter(within, y, r, groupMean[group[r]], 1.0 / n);
        }
        for (int g = 0; g < groupCount; g++) {
            double[] diff = new double[p];
            for (int j = 0; j < p; j++) {
                diff[j] = groupMean[g][j] - overall[j];
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    between.add(a, b, size[g] * diff[a] * diff[b] / n);
                }
            }
        }
        double meanVariance = CommonOps_DDRM.trace(within) / p;
        CommonOps_DDRM.scale(1 - shrinkage, within);
        for (int j = 0; j < p; j++) {
            within.add(j, j, shrinkage * meanVariance + 1e-12);
        }
        DMatrixRMaj whiten = whitening(within);
        DMatrixRMaj temp = new DMatrixRMaj(p, p);
        DMatrixRMaj inWhite = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(whiten, between, temp);
        CommonOps_DDRM.mult(temp, whiten, inWhite);
        DMatrixRMaj directions = topEigenvectors(inWhite, dimension);
        DMatrixRMaj out = new DMatrixRMaj(p, dimension);
        CommonOps_DDRM.mult(whiten, directions, out);
        return out;
    }

    private static void addOuter(DMatrixRMaj into, DMatrixRMaj y, int row, double[] centre, double weight) {
        int p = y.numCols;
        double[] diff = new double[p];
        for (int j = 0; j < p; j++) {
            diff[j] = y.get(row, j) - centre[j];
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                into.add(a, b, weight * diff[a] * diff[b]);
            }
        }
    }

    /** V diag(1 / sqrt(eigenvalue)) of a symmetric positive definite matrix. */
    private static DMatrixRMaj whitening(DMatrixRMaj symmetric) {
        int p = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("the within-group scatter could not be decomposed");
        }
        DMatrixRMaj out = new DMatrixRMaj(p, p);
        for (int k = 0; k < p; k++) {
            double value = Math.max(eig.getEigenvalue(k).real, 1e-12);
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < p; i++) {
                out.set(i, k, v.get(i) / Math.sqrt(value));
            }
        }
        return out;
    }

    /** The eigenvectors of the {@code count} largest eigenvalues of a symmetric matrix, as columns. */
    private static DMatrixRMaj topEigenvectors(DMatrixRMaj symmetric, int count) {
        int p = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("a symmetric matrix could not be decomposed");
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            order.add(k);
        }
        order.sort((a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        DMatrixRMaj out = new DMatrixRMaj(p, count);
        for (int c = 0; c < count; c++) {
            DMatrixRMaj v = eig.getEigenVector(order.get(c));
            for (int i = 0; i < p; i++) {
                out.set(i, c, v.get(i));
            }
        }
        return out;
    }

    private static int[] indices(List<String> groups) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] out = new int[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.computeIfAbsent(groups.get(i), g -> index.size());
        }
        return out;
    }
}
