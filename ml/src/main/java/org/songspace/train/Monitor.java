package org.songspace.train;

import java.util.List;
import org.songspace.model.SavedModel;

/**
 * Which epoch score decides "better": a metric name, its direction, and how many epochs it is averaged
 * over. Early stopping and the best-model saver both follow one monitor, so a label-free model can stop on
 * a label-free score. Averaging matters for validation accuracy: on a few dozen validation tracks one
 * track is two points, and the best single epoch is mostly noise.
 *
 * @param metric         a key of the epoch's metrics ({@link #VALID_KNN} or {@link #TRAIN_LOSS}, ...)
 * @param higherIsBetter true for accuracies, false for losses
 * @param window         epochs averaged (the latest ones), 1 for the epoch alone
 */
public record Monitor(String metric, boolean higherIsBetter, int window) {
    /** Validation k-NN accuracy (labels needed). */
    public static final String VALID_KNN = "valid_knn_accuracy";
    /**
     * The contrastive loss of held-out tracks' segment embeddings, each segment's positives being the other
     * segments of its track (label-free; contrastive encoder).
     */
    public static final String VALID_CONTRAST = "valid_contrastive_loss";
    /** Mean training loss of the epoch (always there). */
    public static final String TRAIN_LOSS = "train_loss";
    /** Mean pairwise cosine of the probe's track embeddings (near 1: collapsed). */
    public static final String MEAN_COSINE = "mean_pairwise_cosine";
    /** Effective rank of the probe's track embeddings. */
    public static final String EFFECTIVE_RANK = "effective_rank";
    /** Share of anchors whose triplet loss was above zero, over the epoch's batches (triplet models). */
    public static final String ACTIVE_TRIPLETS = "active_triplets";

    /** Validation k-NN accuracy averaged over the last 3 epochs. */
    public static Monitor validKnn() {
        return new Monitor(VALID_KNN, true, 3);
    }

    /** Held-out contrastive loss averaged over the last 3 epochs, lower is better. */
    public static Monitor validContrast() {
        return new Monitor(VALID_CONTRAST, false, 3);
    }

    public static Monitor trainLoss() {
        return new Monitor(TRAIN_LOSS, false, 1);
    }

    /**
     * The score of the latest epoch of {@code history}, higher is better: the mean of the metric over the
     * last {@code window} epochs that measured it; NaN when the latest epoch did not.
     */
    public double score(List<SavedModel.EpochRecord> history) {
        if (history.isEmpty() || !measured(history.get(history.size() - 1))) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int i = history.size() - 1; i >= 0 && n < window; i--) {
            if (measured(history.get(i))) {
                sum += history.get(i).metrics().get(metric);
                n++;
            }
        }
        double mean = sum / n;
        return higherIsBetter ? mean : -mean;
    }

    private boolean measured(SavedModel.EpochRecord r) {
        Double v = r.metrics().get(metric);
        return v != null && !v.isNaN();
    }
}
