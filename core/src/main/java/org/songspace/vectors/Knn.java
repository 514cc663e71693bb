package org.songspace.vectors;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.songspace.io.UserError;

/**
 * k-nearest-neighbour classification of embeddings: majority vote among the k nearest training
 * vectors; when labels tie on votes, the label whose nearest voter is closest wins (then the smaller
 * label index, so results never depend on iteration order).
 */
public final class Knn {
    /**
     * Distance between vectors. Cosine is 1 - cos(angle) and ignores length; gaussian_js is the
     * Jensen-Shannon distance between packed {@link GaussianTimbre} models.
     */
    public enum Metric implements Distance {
        COSINE, EUCLIDEAN, GAUSSIAN_JS;

        @Override
        public double between(float[] a, float[] b) {
            return switch (this) {
                case COSINE -> cosineDistance(a, b, Math.sqrt(Vectors.dot(a, a)), Math.sqrt(Vectors.dot(b, b)));
                case EUCLIDEAN -> Math.sqrt(squaredEuclidean(a, b));
                case GAUSSIAN_JS -> GaussianTimbre.jensenShannon(a, b);
            };
        }
    }

    private final float[][] train;
    private final int[] labels;
    private final int k;
    private final Distance metric;
    private final float[] norms;
    /** Mutual proximity: each training vector's distances to the others, sorted (null without it). */
    private final double[][] sortedDistances;

    /**
     * @param train  training vectors, all the same length
     * @param labels label index per training vector (>= 0)
     * @param k      neighbours that vote; clipped to the training size
     */
    public Knn(float[][] train, int[] labels, int k, Distance metric) {
        this(train, labels, k, metric, false);
    }

    /**
     * @param mutualProximity rank neighbours by mutual proximity (Schnitzer et al. 2012, empirical form)
     *                        instead of raw distance: how unlikely it is that either vector has the other
     *                        this close, which keeps "hub" tracks out of everyone's neighbour list. The
     *                        empirical form (not the Gaussian one) because divergences between timbre
     *                        models are heavy-tailed: a normal fit makes outlier tracks everyone's neighbour.
     */
    public Knn(float[][] train, int[] labels, int k, Distance metric, boolean mutualProximity) {
        if (train.length == 0 || train.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as training vectors (and at least one), got "
                    + train.length + " vectors, " + labels.length + " labels");
        }
        if (k <= 0) {
            throw new UserError("k must be positive, got " + k);
        }
        int dim = train[0].length;
        for (float[] v : train) {
            if (v.length != dim) {
                throw new IllegalArgumentException("training vectors differ in length: " + dim + " vs " + v.length);
            }
        }
        this.train = train;
        this.labels = labels.clone();
        this.k = Math.min(k, train.length);
        this.metric = Objects.requireNonNull(metric);
        this.norms = new float[train.length];
        for (int i = 0; i < train.length; i++) {
            norms[i] = (float) Math.sqrt(Vectors.dot(train[i], train[i]));
        }
        if (mutualProximity) {
            sortedDistances = new double[train.length][];
            for (int i = 0; i < train.length; i++) {
                double[] d = new double[train.length - 1];
                for (int j = 0, at = 0; j < train.length; j++) {
                    if (j != i) {
                        d[at++] = distanceTo(train[i], norms[i], j);
                    }
                }
                Arrays.sort(d);
                sortedDistances[i] = d;
            }
        } else {
            sortedDistances = null;
        }
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

    public int dimension() {
        return train[0].length;
    }

    /** Distance between two vectors under this classifier's metric. */
    public double distance(float[] a, float[] b) {
        return metric.between(a, b);
    }

    /** The predicted label for a query. */
    public int predict(float[] query) {
        return predict(query, -1);
    }

    /** The predicted label for a query, ignoring training vectors whose {@code exclude} flag is set. */
    public int predict(float[] query, boolean[] exclude) {
        return vote(query, exclude, -1);
    }

    /** Prediction ignoring training vector {@code skip} (for leave-one-out); -1 skips nothing. */
    public int predict(float[] query, int skip) {
        return vote(query, null, skip);
    }

    /**
     * Indices of the {@code count} training vectors nearest to {@code query} (exact, by scanning all),
     * nearest first, leaving out those {@code excluded} rejects. The one exact neighbour search in songspace:
     * k-NN votes, validation and the index's exact mode all use it.
     */
    public int[] nearest(float[] query, int count, IntPredicate excluded) {
        if (query.length != dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the training vectors "
                    + dimension());
        }
        int n = Math.min(count, train.length);
        double queryNorm = Math.sqrt(Vectors.dot(query, query));
        double[] proximity = sortedDistances == null ? null : mutualProximity(query, queryNorm, excluded);
        int[] nearest = new int[n];
        double[] nearestDist = new double[n];
        Arrays.fill(nearestDist, Double.POSITIVE_INFINITY);
        Arrays.fill(nearest, -1);
        for (int i = 0; i < train.length && n > 0; i++) {
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
        if (!(metric instanceof Metric builtIn)) {
            return metric.between(query, train[i]);
        }
        // The norms are kept, and Euclidean ranks by its square: same order, no square roots.
        return switch (builtIn) {
            case COSINE -> cosineDistance(query, train[i], queryNorm, norms[i]);
            case EUCLIDEAN -> squaredEuclidean(query, train[i]);
            case GAUSSIAN_JS -> GaussianTimbre.jensenShannon(query, train[i]);
        };
    }

    /**
     * 1 - P(X > d) P(Y > d) for each training vector, with X the query's and Y the training vector's
     * distances to the others (their empirical distributions): low when each is among the other's nearest.
     */
    private double[] mutualProximity(float[] query, double queryNorm, IntPredicate excluded) {
        double[] d = new double[train.length];
        double[] own = new double[train.length];
        int count = 0;
        for (int i = 0; i < train.length; i++) {
            d[i] = excluded != null && excluded.test(i) ? Double.NaN : distanceTo(query, queryNorm, i);
            if (!Double.isNaN(d[i])) {
                own[count++] = d[i];
            }
        }
        Arrays.sort(own, 0, count);
        double[] p = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            p[i] = Double.isNaN(d[i]) ? Double.POSITIVE_INFINITY
                    : 1 - shareAbove(own, count, d[i]) * shareAbove(sortedDistances[i], sortedDistances[i].length, d[i]);
        }
        return p;
    }

    private int vote(float[] query, boolean[] exclude, int skip) {
        int[] nearest = nearest(query, k, i -> i == skip || exclude != null && exclude[i]);
        double queryNorm = Math.sqrt(Vectors.dot(query, query));
        double[] nearestDist = new double[nearest.length];
        for (int j = 0; j < nearest.length; j++) {
            nearestDist[j] = distanceTo(query, queryNorm, nearest[j]);
        }
        int maxLabel = 0;
        for (int i : nearest) {
            maxLabel = Math.max(maxLabel, labels[i]);
        }
        int[] votes = new int[maxLabel + 1];
        double[] closest = new double[maxLabel + 1];
        Arrays.fill(closest, Double.POSITIVE_INFINITY);
        for (int j = 0; j < nearest.length; j++) {
            int label = labels[nearest[j]];
            votes[label]++;
            closest[label] = Math.min(closest[label], nearestDist[j]);
        }
        int best = -1;
        for (int label = 0; label < votes.length; label++) {
            if (votes[label] == 0) {
                continue;
            }
            if (best < 0 || votes[label] > votes[best] || votes[label] == votes[best] && closest[label] < closest[best]) {
                best = label;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no training vector left to vote");
        }
        return best;
    }

    static double squaredEuclidean(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double cosineDistance(float[] a, float[] b, double normA, double normB) {
        if (normA == 0 || normB == 0) {
            return 1;
        }
        return 1 - Vectors.dot(a, b) / (normA * normB);
    }

    /**
     * Leave-one-out accuracy: each vector is classified by all the others, excluding those that share
     * its group when {@code groups} is given (e.g. the same artist), so the figure is not inflated by
     * near-duplicates.
     */
    public static double leaveOneOutAccuracy(float[][] x, int[] y, int[] groups, int k, Distance metric) {
        Knn knn = new Knn(x, y, k, metric);
        int correct = 0;
        boolean[] exclude = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                exclude[j] = j == i || groups != null && groups[j] == groups[i];
            }
            if (knn.predict(x[i], exclude) == y[i]) {
                correct++;
            }
        }
        return correct / (double) x.length;
    }
}
