package org.songspace.train;

import java.util.Map;

/**
 * Which epoch score decides "better": a metric name and its direction. Early stopping and the best-model
 * saver both follow one monitor, so a label-free model can stop on a label-free score.
 *
 * @param metric         a key of the epoch's metrics ({@link #VALID_KNN} or {@link #TRAIN_LOSS}, ...)
 * @param higherIsBetter true for accuracies, false for losses
 */
public record Monitor(String metric, boolean higherIsBetter) {
    /** Validation k-NN accuracy (labels needed). */
    public static final String VALID_KNN = "valid_knn_accuracy";
    /** Mean training loss of the epoch (always there). */
    public static final String TRAIN_LOSS = "train_loss";
    /** Mean pairwise cosine of the probe's track embeddings (near 1: collapsed). */
    public static final String MEAN_COSINE = "mean_pairwise_cosine";
    /** Effective rank of the probe's track embeddings. */
    public static final String EFFECTIVE_RANK = "effective_rank";
    /** Share of anchors whose triplet loss was above zero, over the epoch's batches (triplet models). */
    public static final String ACTIVE_TRIPLETS = "active_triplets";

    public static Monitor validKnn() {
        return new Monitor(VALID_KNN, true);
    }

    public static Monitor trainLoss() {
        return new Monitor(TRAIN_LOSS, false);
    }

    /** The metric as a score where higher is better; NaN when the epoch did not measure it. */
    public double score(Map<String, Double> metrics) {
        Double v = metrics.get(metric);
        if (v == null || v.isNaN()) {
            return Double.NaN;
        }
        return higherIsBetter ? v : -v;
    }
}
