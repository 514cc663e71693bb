package org.songspace.vectors;

import java.util.Arrays;
import org.songspace.io.UserError;

/**
 * k-nearest-neighbour classification of embeddings: majority vote among the k nearest training
 * vectors (found by a {@link NeighbourSearch}); when labels tie on votes, the label whose nearest voter is closest wins (then the smaller
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

    private final NeighbourSearch search;
    private final int[] labels;
    private final int k;

    /**
     * @param train  training vectors, all the same length
     * @param labels label index per training vector (>= 0)
     * @param k      neighbours that vote; clipped to the training size
     */
    public Knn(float[][] train, int[] labels, int k, Distance metric) {
        this(train, labels, k, metric, false);
    }

    /** The same, neighbours ranked by mutual proximity when asked (see {@link NeighbourSearch}). */
    public Knn(float[][] train, int[] labels, int k, Distance metric, boolean mutualProximity) {
        if (train.length == 0 || train.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as training vectors (and at least one), got "
                    + train.length + " vectors, " + labels.length + " labels");
        }
        if (k <= 0) {
            throw new UserError("k must be positive, got " + k);
        }
        this.search = new NeighbourSearch(train, metric, mutualProximity);
        this.labels = labels.clone();
        this.k = Math.min(k, train.length);
    }

    public int dimension() {
        return search.dimension();
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

    private int vote(float[] query, boolean[] exclude, int skip) {
        int[] nearest = search.nearest(query, k, i -> i == skip || exclude != null && exclude[i]);
        double[] nearestDist = new double[nearest.length];
        for (int j = 0; j < nearest.length; j++) {
            nearestDist[j] = search.distanceTo(query, nearest[j]);
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

    static double cosineDistance(float[] a, float[] b, double normA, double normB) {
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
