package org.songspace.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnTest {
    private static final float[][] LINE = {{0}, {1}, {2}, {10}, {11}, {12}};
    private static final int[] LINE_LABELS = {0, 0, 0, 1, 1, 1};

    @Test
    void majorityOfTheNearest() {
        Knn knn = new Knn(LINE, LINE_LABELS, 3, Knn.Metric.EUCLIDEAN);
        assertEquals(0, knn.predict(new float[] {3}));
        assertEquals(1, knn.predict(new float[] {9}));
        assertEquals(0, knn.predict(new float[] {6}), "3 nearest of 6 are 2, 1 (label 0) and 10: label 0 wins 2-1");
    }

    @Test
    void tiedVotesGoToTheLabelWithTheCloserNeighbour() {
        // k = 2 at 5.6: neighbours 2 (label 0, distance 3.6) and 10 (label 1, distance 4.4): a 1-1 tie.
        Knn knn = new Knn(LINE, LINE_LABELS, 2, Knn.Metric.EUCLIDEAN);
        assertEquals(0, knn.predict(new float[] {5.6f}));
        assertEquals(1, knn.predict(new float[] {6.4f}));
    }

    @Test
    void kLargerThanAClassOrTheTrainingSet() {
        // k = 5 around label 1's three points: 3 votes for 1, 2 for 0.
        assertEquals(1, new Knn(LINE, LINE_LABELS, 5, Knn.Metric.EUCLIDEAN).predict(new float[] {11}));
        // k beyond the training size is clipped: all 6 vote 3-3, the nearer label wins.
        assertEquals(1, new Knn(LINE, LINE_LABELS, 50, Knn.Metric.EUCLIDEAN).predict(new float[] {7}));
    }

    @Test
    void aLabelSeenOnlyInTestIsNeverPredictedSoItCountsAsWrong() {
        Knn knn = new Knn(LINE, LINE_LABELS, 1, Knn.Metric.EUCLIDEAN);
        int unseenLabel = 2;
        int predicted = knn.predict(new float[] {100});
        assertEquals(1, predicted);
        assertEquals(false, predicted == unseenLabel);
    }

    @Test
    void cosineIgnoresLength() {
        float[][] train = {{1, 0}, {0, 1}};
        Knn knn = new Knn(train, new int[] {0, 1}, 1, Knn.Metric.COSINE);
        assertEquals(0, knn.predict(new float[] {100, 1}));
        assertEquals(1, knn.predict(new float[] {0.01f, 0.5f}));
        assertEquals(1.0, Knn.Metric.COSINE.between(new float[] {1, 0}, new float[] {0, 3}), 1e-12);
    }

    @Test
    void leaveOneOutExcludesTheSameGroup() {
        float[][] x = {{0}, {0.1f}, {5}, {5.1f}};
        int[] y = {0, 0, 1, 1};
        assertEquals(1.0, Knn.leaveOneOutAccuracy(x, y, null, 1, Knn.Metric.EUCLIDEAN), 0);
        // With each pair in one group, every point must look across to the other label.
        assertEquals(0.0, Knn.leaveOneOutAccuracy(x, y, new int[] {0, 0, 1, 1}, 1, Knn.Metric.EUCLIDEAN), 0);
    }

    @Test
    void mismatchedInputsAreRefused() {
        Knn knn = new Knn(LINE, LINE_LABELS, 1, Knn.Metric.EUCLIDEAN);
        assertThrows(IllegalArgumentException.class, () -> knn.predict(new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Knn(LINE, new int[] {0}, 1, Knn.Metric.EUCLIDEAN));
        assertThrows(IllegalArgumentException.class, () -> new Knn(LINE, LINE_LABELS, 0, Knn.Metric.EUCLIDEAN));
    }
}
