package org.songspace.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianTimbreTest {
    private static double[][] sample(Random random, int n, double[] mean, double[] sd) {
        double[][] x = new double[n][mean.length];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < mean.length; i++) {
                x[t][i] = mean[i] + sd[i] * random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void symmetrisedKlMatchesTheClosedFormForDiagonalGaussians() {
        Random random = new Random(1);
        float[] a = GaussianTimbre.fit(sample(random, 200_000, new double[] {0, 1}, new double[] {1, 2}));
        float[] b = GaussianTimbre.fit(sample(random, 200_000, new double[] {1, 1}, new double[] {2, 1}));
        // Per dimension: (sa^2/sb^2 + sb^2/sa^2 + dm^2 (1/sa^2 + 1/sb^2)) / 2 - 1
        double expected = (0.25 + 4 + 1 * (1 + 0.25)) / 2 - 1 + (4 + 0.25) / 2 - 1;
        assertEquals(expected, GaussianTimbre.symmetricKl(a, b), 0.05);
        assertEquals(GaussianTimbre.symmetricKl(a, b), GaussianTimbre.symmetricKl(b, a), 1e-9);
        assertEquals(0, GaussianTimbre.symmetricKl(a, a), 1e-4);
        assertEquals(2, GaussianTimbre.dimensionOf(a.length));
    }

    @Test
    void mutualProximityTakesAHubOutOfEveryonesNeighbours() {
        // Random points on a 50-d unit sphere are ~1.41 apart; the centre is 1 from each: everyone's nearest.
        Random random = new Random(2);
        int n = 61;
        float[][] x = new float[n][50];
        for (int i = 0; i < n - 1; i++) {
            double norm = 0;
            for (int j = 0; j < 50; j++) {
                x[i][j] = (float) random.nextGaussian();
                norm += x[i][j] * x[i][j];
            }
            for (int j = 0; j < 50; j++) {
                x[i][j] /= (float) Math.sqrt(norm);
            }
        }
        int hub = n - 1;
        Knn raw = new Knn(x, new int[n], 3, Knn.Metric.EUCLIDEAN, false);
        Knn mp = new Knn(x, new int[n], 3, Knn.Metric.EUCLIDEAN, true);
        int rawHub = 0;
        int mpHub = 0;
        for (int i = 0; i < n - 1; i++) {
            int self = i;
            rawHub += raw.nearest(x[i], 3, t -> t == self)[0] == hub ? 1 : 0;
            for (int j : mp.nearest(x[i], 3, t -> t == self)) {
                mpHub += j == hub ? 1 : 0;
            }
        }
        assertEquals(n - 1, rawHub, "the centre is every point's nearest neighbour");
        // An average point is in 3 of 60 lists of 3; the hub was in all 60.
        assertTrue(mpHub <= 10, "mutual proximity lists the hub " + mpHub + " times in 60 lists of 3");
    }
}
