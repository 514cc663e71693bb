package org.songspace.eval;

import java.util.List;

/**
 * k-NN classification of held-out tracks: accuracy, the confusion matrix (rows = true label, columns =
 * predicted), and per-class precision and recall (NaN where a class was never predicted / never present).
 */
public record ClassificationReport(List<String> labels, int[][] confusion, double accuracy, double[] precision,
                                   double[] recall, int tested) {

    static ClassificationReport from(List<String> labels, int[] truth, int[] predicted) {
        int n = labels.size();
        int[][] confusion = new int[n][n];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        double[] precision = new double[n];
        double[] recall = new double[n];
        for (int c = 0; c < n; c++) {
            int predictedAsC = 0;
            int actualC = 0;
            for (int k = 0; k < n; k++) {
                predictedAsC += confusion[k][c];
                actualC += confusion[c][k];
            }
            precision[c] = predictedAsC == 0 ? Double.NaN : confusion[c][c] / (double) predictedAsC;
            recall[c] = actualC == 0 ? Double.NaN : confusion[c][c] / (double) actualC;
        }
        return new ClassificationReport(labels, confusion, truth.length == 0 ? Double.NaN : correct / (double) truth.length,
                precision, recall, truth.length);
    }
}
