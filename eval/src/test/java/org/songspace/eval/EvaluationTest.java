package org.songspace.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.songspace.dataset.Fold;
import org.songspace.vectors.Knn;

/** Metrics on hand-made embeddings whose answers were worked out by hand. */
class EvaluationTest {
    private static LabeledVectors points(float[] xs, String... labels) {
        List<String> ids = new java.util.ArrayList<>();
        List<float[]> v = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            ids.add("t" + i);
            v.add(new float[] {xs[i]});
        }
        return LabeledVectors.of(ids, v, List.of(labels));
    }

    @Test
    void confusionPrecisionRecall() {
        ClassificationReport r = ClassificationReport.from(List.of("a", "b"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
        assertEquals(0.75, r.accuracy(), 1e-12);
        assertArrayEquals(new int[] {1, 1}, r.confusion()[0]);
        assertArrayEquals(new int[] {0, 2}, r.confusion()[1]);
        assertArrayEquals(new double[] {1.0, 2.0 / 3}, r.precision(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0}, r.recall(), 1e-12);
    }

    @Test
    void holdoutWithALabelSeenOnlyInTest() {
        // c appears only in the test part: it can never be predicted, so it counts as wrong.
        LabeledVectors data = points(new float[] {0, 1, 10, 11, 0.5f, 10.5f, 20}, "a", "a", "b", "b", "a", "b", "c");
        ClassificationReport r = new KnnEvaluator(1, Knn.Metric.EUCLIDEAN)
                .holdout(data, List.of("t0", "t1", "t2", "t3"), List.of("t4", "t5", "t6"));
        assertEquals(2.0 / 3, r.accuracy(), 1e-12);
        assertEquals(Double.NaN, r.precision()[2]);
        assertEquals(0.0, r.recall()[2], 0);
        assertThrows(IllegalArgumentException.class, () -> new KnnEvaluator(1, Knn.Metric.EUCLIDEAN)
                .holdout(data, List.of(), List.of("t4")));
    }

    @Test
    void kFoldMeanAndSpread() {
        LabeledVectors data = points(new float[] {0, 1, 10, 11}, "a", "a", "b", "b");
        List<Fold> folds = List.of(new Fold(0, List.of("t1", "t3"), List.of("t0", "t2")),
                new Fold(1, List.of("t0", "t2"), List.of("t1", "t3")));
        KnnEvaluator.FoldSummary s = new KnnEvaluator(1, Knn.Metric.EUCLIDEAN).kFold(data, folds);
        assertEquals(1.0, s.mean(), 0);
        assertEquals(0.0, s.std(), 0);
    }

    @Test
    void precisionAtKAndMeanAveragePrecision() {
        RetrievalMetrics.Result clean = RetrievalMetrics.compute(points(new float[] {0, 1, 10, 11}, "a", "a", "b", "b"), 1,
                Knn.Metric.EUCLIDEAN);
        assertEquals(1.0, clean.precisionAtK(), 0);
        assertEquals(1.0, clean.meanAveragePrecision(), 0);
        // Interleaved: APs 1/2, 1/3, 1/2, 1/2 and no first hit is relevant.
        RetrievalMetrics.Result mixed = RetrievalMetrics.compute(points(new float[] {0, 2, 3, 10}, "a", "b", "a", "b"), 1,
                Knn.Metric.EUCLIDEAN);
        assertEquals(0.0, mixed.precisionAtK(), 0);
        assertEquals((0.5 + 1.0 / 3 + 0.5 + 0.5) / 4, mixed.meanAveragePrecision(), 1e-12);
    }

    @Test
    void silhouetteOfTwoTightClusters() {
        double s = RetrievalMetrics.silhouette(points(new float[] {0, 1, 10, 11}, "a", "a", "b", "b"), Knn.Metric.EUCLIDEAN);
        assertEquals((2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4, s, 1e-12);
    }
}
