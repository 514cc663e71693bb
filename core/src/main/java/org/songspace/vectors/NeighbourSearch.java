package org.songspace.vectors;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The one exact neighbour search in songspace: the vectors nearest to a query by scanning them all, under
 * a {@link Distance}, optionally ranked by mutual proximity. k-NN votes ({@link Knn}), validation, hubness
 * and the index's exact mode all use it.
 */
public final class NeighbourSearch {
    private final float[][] vectors;
    private final Distance metric;
    private final float[] norms;
    /** Mutual proximity: each vector's distances to the others, sorted (null without it). */
    private final double[][] sortedDistances;

    /** Plain distances. */
    public NeighbourSearch(float[][] vectors, Distance metric) {
        this(vectors, metric, false);
    }

    /**
     * @param vectors         the vectors searched, all the same length, at least one
     * @param mutualProximity rank neighbours by mutual proximity (Schnitzer et al. 2012, empirical form)
     *                        instead of raw distance: how unlikely it is that either vector has the other
     *                        this close, which keeps "hub" tracks out of everyone's neighbour list. The
     *                        empirical form (not the Gaussian one) because divergences between timbre
     *                        models are heavy-tailed: a normal fit makes outlier tracks everyone's neighbour.
     */
    public NeighbourSearch(float[][] vectors, Distance metric, boolean mutualProximity) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("a neighbour search needs at least one vector");
        }
        int dim = vectors[0].length;
        for (float[] v : vectors) {
            if (v.length != dim) {
                throw new IllegalArgumentException("vectors differ in length: " + dim + " vs " + v.length);
            }
        }
        this.vectors = vectors;
        this.metric = Objects.requireNonNull(metric);
        this.norms = new float[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            norms[i] = (float) Math.sqrt(Vectors.dot(vectors[i], vectors[i]));
        }
        this.sortedDistances = mutualProximity ? sortedDistances() : null;
    }

    private double[][] sortedDistances() {
        double[][] out = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            double[] d = new double[vectors.length - 1];
            for (int j = 0, at = 0; j < vectors.length; j++) {
                if (j != i) {
                    d[at++] = distanceTo(vectors[i], norms[i], j);
                }
            }
            Arrays.sort(d);
            out[i] = d;
        }
        return out;
    }

    public int size() {
        return vectors.length;
    }

    public int dimension() {
        return vectors[0].length;
    }

    /** Distance between two vectors under this search's metric. */
    public double distance(float[] a, float[] b) {
        return metric.between(a, b);
    }

    /** The distance from {@code query} to vector {@code i} (the raw metric, also with mutual proximity). */
    public double distanceTo(float[] query, int i) {
        return distanceTo(query, Math.sqrt(Vectors.dot(query, query)), i);
    }

    /**
     * Indices of the {@code count} vectors nearest to {@code query}, nearest first, leaving out those
     * {@code excluded} rejects (null: none).
     */
    public int[] nearest(float[] query, int count, IntPredicate excluded) {
        if (query.length != dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the vectors " + dimension());
        }
        int n = Math.min(count, vectors.length);
        double queryNorm = Math.sqrt(Vectors.dot(query, query));
        double[] proximity = sortedDistances == null ? null : mutualProximity(query, queryNorm, excluded);
        int[] nearest = new int[n];
        double[] nearestDist = new double[n];
        Arrays.fill(nearestDist, Double.POSITIVE_INFINITY);
        Arrays.fill(nearest, -1);
        for (int i = 0; i < vectors.length && n > 0; i++) {
            if (excluded != null && excluded.test(i)) {
                continue;
            }
            double d = proximity != null ? proximity[i] : distanceTo(query, queryNorm, i);
            if (d < nearestDist[n - 1]) {
                int j = n - 1;
                while (j > 0 && nearestDist[j - 1] > d) {
                    nearestDist[j] = nearestDist[j - 1];
                    nearest[j] = nearest[j - 1];
                    j--;
                }
                nearestDist[j] = d;
                nearest[j] = i;
            }
        }
        int found = 0;
        while (found < n && nearest[found] >= 0) {
            found++;
        }
        return Arrays.copyOf(nearest, found);
    }

    private double distanceTo(float[] query, double queryNorm, int i) {
        if (!(metric instanceof Knn.Metric builtIn)) {
            return metric.between(query, vectors[i]);
        }
        // The norms are kept, and Euclidean ranks by its square: same order, no square roots.
        return switch (builtIn) {
            case COSINE -> Knn.cosineDistance(query, vectors[i], queryNorm, norms[i]);
            case EUCLIDEAN -> Knn.squaredEuclidean(query, vectors[i]);
            case GAUSSIAN_JS -> GaussianTimbre.jensenShannon(query, vectors[i]);
        };
    }

    /**
     * 1 - P(X > d) P(Y > d) for each vector, with X the query's and Y the vector's distances to the others
     * (their empirical distributions): low when each is among the other's nearest.
     */
    private double[] mutualProximity(float[] query, double queryNorm, IntPredicate excluded) {
        double[] d = new double[vectors.length];
        double[] own = new double[vectors.length];
        int count = 0;
        for (int i = 0; i < vectors.length; i++) {
            d[i] = excluded != null && excluded.test(i) ? Double.NaN : distanceTo(query, queryNorm, i);
            if (!Double.isNaN(d[i])) {
                own[count++] = d[i];
            }
        }
        Arrays.sort(own, 0, count);
        double[] p = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            p[i] = Double.isNaN(d[i]) ? Double.POSITIVE_INFINITY
                    : 1 - shareAbove(own, count, d[i]) * shareAbove(sortedDistances[i], sortedDistances[i].length, d[i]);
        }
        return p;
    }

    /** The share of {@code sorted} strictly above {@code d}. */
    private static double shareAbove(double[] sorted, int length, double d) {
        if (length == 0) {
            return 1;
        }
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (length - lo) / (double) length;
    }
}
