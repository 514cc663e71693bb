package org.songspace.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The exact neighbour scan behind k-NN votes, hubness and the index's exact mode, with no labels involved. */
class NeighbourSearchTest {

    @Test
    void nearestFirstLeavingOutWhatIsExcluded() {
        float[][] points = {{0}, {1}, {2}, {10}, {11}};
        NeighbourSearch search = new NeighbourSearch(points, Knn.Metric.EUCLIDEAN);
        assertArrayEquals(new int[] {1, 2, 0}, search.nearest(new float[] {1.4f}, 3, null));
        assertArrayEquals(new int[] {2, 0, 3}, search.nearest(new float[] {1.4f}, 3, i -> i == 1));
        assertArrayEquals(new int[] {4, 3}, search.nearest(new float[] {20}, 9, i -> i < 3), "fewer left than asked");
        assertEquals(0.16, search.distanceTo(new float[] {1.4f}, 1), 1e-6, "Euclidean ranks by its square");
        assertThrows(IllegalArgumentException.class, () -> search.nearest(new float[] {1, 2}, 1, null));
    }

    @Test
    void mutualProximityKeepsTruePairsFirst() {
        // Two tight pairs far apart, and a point halfway between them.
        float[][] points = {{0}, {0.5f}, {10}, {10.5f}, {5.25f}};
        NeighbourSearch raw = new NeighbourSearch(points, Knn.Metric.EUCLIDEAN);
        NeighbourSearch mp = new NeighbourSearch(points, Knn.Metric.EUCLIDEAN, true);
        assertEquals(1, raw.nearest(points[0], 1, i -> i == 0)[0]);
        assertEquals(1, mp.nearest(points[0], 1, i -> i == 0)[0], "the true pair stays first");
        assertEquals(3, mp.nearest(points[2], 1, i -> i == 2)[0]);
        assertEquals(5, raw.size());
    }
}
