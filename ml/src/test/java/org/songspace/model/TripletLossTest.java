package org.songspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mining and loss values on a hand-made distance matrix, checked against answers worked out by hand. */
class TripletLossTest {
    /** Labels 0,0,1,1,0 and symmetric distances. */
    private static final float[] DIST = {
        0.0f, 0.4f, 0.9f, 1.2f, 0.7f,
        0.4f, 0.0f, 0.3f, 1.1f, 0.2f,
        0.9f, 0.3f, 0.0f, 0.5f, 1.0f,
        1.2f, 1.1f, 0.5f, 0.0f, 0.6f,
        0.7f, 0.2f, 1.0f, 0.6f, 0.0f};
    private static final int[] LABELS = {0, 0, 1, 1, 0};

    @BeforeAll
    static void engine() {
        TorchRuntime.configure();
    }

    @Test
    void batchHardPicksTheFarthestPositiveAndNearestNegative() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray dist = m.create(DIST, new Shape(5, 5));
            NDArray labels = m.create(LABELS);
            // anchor 0: positives 1 (0.4), 4 (0.7) -> 4; negatives 2 (0.9), 3 (1.2) -> 2
            // anchor 1: positives 0 (0.4), 4 (0.2) -> 0; negatives 2 (0.3), 3 (1.1) -> 2
            // anchor 2: positive 3 -> 3; negatives 0 (0.9), 1 (0.3), 4 (1.0) -> 1
            // anchor 3: positive 2 -> 2; negatives 0 (1.2), 1 (1.1), 4 (0.6) -> 4
            // anchor 4: positives 0 (0.7), 1 (0.2) -> 0; negatives 2 (1.0), 3 (0.6) -> 3
            assertArrayEquals(new long[] {4, 0, 3, 2, 0}, TripletLoss.hardestPositive(dist, labels).toLongArray());
            assertArrayEquals(new long[] {2, 2, 1, 4, 3}, TripletLoss.hardestNegative(dist, labels).toLongArray());
            // losses with margin 0.3: max(0, hp - hn + 0.3) = 0.1, 0.4, 0.5, 0.2, 0.4 -> mean 0.32
            assertEquals(0.32f, TripletLoss.batchHard(dist, labels, 0.3f).getFloat(), 1e-6f);
        }
    }

    @Test
    void semiHardPicksTheNearestNegativeBeyondThePositive() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray dist = m.create(new float[] {
                0.0f, 0.5f, 0.4f, 0.8f,
                0.5f, 0.0f, 0.9f, 0.3f,
                0.4f, 0.9f, 0.0f, 0.6f,
                0.8f, 0.3f, 0.6f, 0.0f}, new Shape(4, 4));
            NDArray labels = m.create(new int[] {0, 0, 1, 1});
            // (0,1) d=0.5: negatives 0.4 (closer), 0.8 -> semi-hard 0.8: max(0, 0.5-0.8+0.3)=0
            // (1,0) d=0.5: negatives 0.9, 0.3 -> semi-hard 0.9: 0
            // (2,3) d=0.6: negatives 0.4, 0.9 -> 0.9: 0
            // (3,2) d=0.6: negatives 0.8, 0.3 -> 0.8: 0.1
            assertEquals(0.1f / 4, TripletLoss.semiHard(dist, labels, 0.3f).getFloat(), 1e-6f);
            // With no negative beyond the positive, the farthest negative is used: (0,1) at d=0.9.
            NDArray far = m.create(new float[] {
                0.0f, 0.9f, 0.4f, 0.8f,
                0.9f, 0.0f, 0.7f, 0.6f,
                0.4f, 0.7f, 0.0f, 0.1f,
                0.8f, 0.6f, 0.1f, 0.0f}, new Shape(4, 4));
            // (0,1): 0.9-0.8+0.3=0.4  (1,0): 0.9-0.7+0.3=0.5  (2,3): 0.1 vs 0.4 -> 0  (3,2): 0.1 vs 0.6 -> 0
            assertEquals(0.9f / 4, TripletLoss.semiHard(far, labels, 0.3f).getFloat(), 1e-6f);
        }
    }

    @Test
    void batchAllAveragesTheActiveTriplets() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray dist = m.create(new float[] {
                0.0f, 0.5f, 0.4f, 0.8f,
                0.5f, 0.0f, 0.9f, 0.3f,
                0.4f, 0.9f, 0.0f, 0.6f,
                0.8f, 0.3f, 0.6f, 0.0f}, new Shape(4, 4));
            NDArray labels = m.create(new int[] {0, 0, 1, 1});
            // margin 0.3, triplets (a, p, n) = max(0, d(a,p) - d(a,n) + 0.3):
            // (0,1,2) 0.4  (0,1,3) 0    (1,0,2) 0    (1,0,3) 0.5
            // (2,3,0) 0.5  (2,3,1) 0    (3,2,0) 0.1  (3,2,1) 0.6   -> 5 active, sum 2.1
            assertEquals(2.1f / 5, TripletLoss.batchAll(dist, labels, 0.3f).getFloat(), 1e-6f);
        }
    }

    @Test
    void distancesOfUnitVectors() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray e = m.create(new float[] {1, 0, 0, 1, -1, 0}, new Shape(3, 2));
            float[] d = TripletLoss.distances(e).toFloatArray();
            assertEquals(Math.sqrt(2), d[1], 1e-5);
            assertEquals(2, d[2], 1e-5);
            assertEquals(0, d[4], 1e-5);
        }
    }
}
