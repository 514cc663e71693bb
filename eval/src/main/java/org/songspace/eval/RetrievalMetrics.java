package org.songspace.eval;

import java.util.Arrays;
import java.util.Comparator;
import org.songspace.vectors.Distance;

/**
 * Retrieval with labels as relevance: each track queries all the others; precision@k is the share of
 * same-label tracks among its k nearest, average precision averages precision at every same-label hit
 * of the full ranking; both are averaged over queries (queries whose label has no other track are
 * skipped). Also the silhouette score of the labels as clusters.
 */
public final class RetrievalMetrics {
    private RetrievalMetrics() {
    }

    /** Mean precision@k and mean average precision. */
    public record Result(int k, double precisionAtK, double meanAveragePrecision, int queries) {
    }

    public static Result compute(LabeledVectors data, int k, Distance metric) {
        int n = data.size();
        double pSum = 0;
        double apSum = 0;
        int queries = 0;
        Integer[] order = new Integer[n - 1];
        double[] d = new double[n];
        for (int q = 0; q < n; q++) {
            int relevantTotal = 0;
            for (int j = 0; j < n; j++) {
                if (j != q && data.labels()[j] == data.labels()[q]) {
                    relevantTotal++;
                }
            }
            if (relevantTotal == 0) {
                continue;
            }
            int o = 0;
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    d[j] = metric.between(data.vectors()[q], data.vectors()[j]);
                    order[o++] = j;
                }
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> d[j]).thenComparingInt(j -> j));
            int hits = 0;
            double ap = 0;
            int hitsAtK = 0;
            for (int r = 0; r < order.length; r++) {
                if (data.labels()[order[r]] == data.labels()[q]) {
                    hits++;
                    ap += hits / (double) (r + 1);
                    if (r < k) {
                        hitsAtK++;
                    }
                }
            }
            pSum += hitsAtK / (double) Math.min(k, order.length);
            apSum += ap / relevantTotal;
            queries++;
        }
        return new Result(k, queries == 0 ? Double.NaN : pSum / queries, queries == 0 ? Double.NaN : apSum / queries, queries);
    }

    /**
     * Mean silhouette: for each point, (b - a) / max(a, b) with a its mean distance to its own label and b
     * the smallest mean distance to another label; points alone in their label score 0.
     */
    public static double silhouette(LabeledVectors data, Distance metric) {
        int n = data.size();
        int labels = data.labelNames().size();
        int[] counts = new int[labels];
        for (int l : data.labels()) {
            counts[l]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[labels];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[data.labels()[j]] += metric.between(data.vectors()[i], data.vectors()[j]);
                }
            }
            int own = data.labels()[i];
            if (counts[own] <= 1) {
                continue;
            }
            double a = sum[own] / (counts[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int l = 0; l < labels; l++) {
                if (l != own && counts[l] > 0) {
                    b = Math.min(b, sum[l] / counts[l]);
                }
            }
            if (Double.isInfinite(b)) {
                continue;
            }
            double s = Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
            total += s;
        }
        return n == 0 ? Double.NaN : total / n;
    }
}
