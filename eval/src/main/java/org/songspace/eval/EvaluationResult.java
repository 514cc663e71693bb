package org.songspace.eval;

import java.util.List;
import java.util.Locale;

/**
 * Everything {@code evaluate} measures for one set of embeddings, as written to JSON.
 *
 * @param name       what was evaluated (model id or baseline name)
 * @param tracks     labelled tracks evaluated
 * @param dimension  embedding size
 * @param k          neighbours in k-NN
 * @param metric     distance
 * @param splitMethod how the holdout split was made
 * @param holdout    k-NN classification of the held-out tracks
 * @param folds      stratified k-fold accuracy over all labelled tracks (null when not run)
 * @param retrieval  precision@k and mAP with labels as relevance
 * @param silhouette silhouette of the labels as clusters
 */
public record EvaluationResult(String name, int tracks, int dimension, int k, String metric, String splitMethod,
                               ClassificationReport holdout, KnnEvaluator.FoldSummary folds,
                               RetrievalMetrics.Result retrieval, double silhouette) {

    /** A readable report: headline figures, per-class precision/recall and the confusion matrix. */
    public String toTable() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %d labelled tracks, %d dims, k=%d %s%n", name, tracks, dimension, k, metric));
        s.append(String.format(Locale.ROOT, "  holdout k-NN accuracy  %.3f  (%d held-out tracks; %s)%n", holdout.accuracy(),
                holdout.tested(), splitMethod));
        if (folds != null) {
            s.append(String.format(Locale.ROOT, "  %d-fold k-NN accuracy   %.3f +- %.3f  (all tracks; for a learned model this includes "
                    + "the tracks it trained on)%n", folds.accuracies().length, folds.mean(), folds.std()));
        }
        s.append(String.format(Locale.ROOT, "  precision@%d %.3f   mAP %.3f   silhouette %.3f%n", retrieval.k(), retrieval.precisionAtK(),
                retrieval.meanAveragePrecision(), silhouette));
        List<String> labels = holdout.labels();
        int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
        s.append(String.format(Locale.ROOT, "  %-" + width + "s  precision  recall%n", "label"));
        for (int c = 0; c < labels.size(); c++) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %9s  %6s%n", labels.get(c), fmt(holdout.precision()[c]),
                    fmt(holdout.recall()[c])));
        }
        s.append("  confusion (rows true, columns predicted):\n  ").append(" ".repeat(width));
        for (int c = 0; c < labels.size(); c++) {
            s.append(String.format(Locale.ROOT, " %4.4s", labels.get(c)));
        }
        s.append('\n');
        for (int r = 0; r < labels.size(); r++) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s", labels.get(r)));
            for (int c = 0; c < labels.size(); c++) {
                s.append(String.format(Locale.ROOT, " %4d", holdout.confusion()[r][c]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
