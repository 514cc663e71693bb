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
    /** Distance between vectors. Cosine is 1 - cos(angle) and ignores length. */
    public enum Metric { COSINE, EUCLIDEAN }

    private final float[][] train;
    private final int[] labels;
    private final int k;
    private final Metric metric;
    private final float[] norms;

    /**
     * @param train  training vectors, all the same length
     * @param labels label index per training vector (>= 0)
     * @param k      neighbours that vote; clipped to the training size
     */
    public Knn(float[][] train, int[] labels, int k, Metric metric) {
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
    }

    public int dimension() {
        return train[0].length;
    }

    /** Distance between two vectors under this classifier's metric. */
    public double distance(float[] a, float[] b) {
        return metric == Metric.COSINE ? cosineDistance(a, b, Math.sqrt(Vectors.dot(a, a)), Math.sqrt(Vectors.dot(b, b)))
                : Math.sqrt(squaredEuclidean(a, b));
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
        int[] nearest = new int[n];
        double[] nearestDist = new double[n];
        Arrays.fill(nearestDist, Double.POSITIVE_INFINITY);
        Arrays.fill(nearest, -1);
        for (int i = 0; i < train.length && n > 0; i++) {
            if (excluded != null && excluded.test(i)) {
                continue;
            }
            double d = distanceTo(query, queryNorm, i);
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
        return metric == Metric.COSINE ? cosineDistance(query, train[i], queryNorm, norms[i])
                : squaredEuclidean(query, train[i]);
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
    public static double leaveOneOutAccuracy(float[][] x, int[] y, int[] groups, int k, Metric metric) {
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
