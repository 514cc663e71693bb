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
    void jensenShannonMatchesTheClosedFormOfTheMomentMatchedMixture() {
        Random random = new Random(1);
        float[] a = GaussianTimbre.fit(sample(random, 200_000, new double[] {0, 1}, new double[] {1, 2}));
        float[] b = GaussianTimbre.fit(sample(random, 200_000, new double[] {1, 1}, new double[] {2, 1}));
        // Diagonal: mixture variances (sa^2 + sb^2) / 2 + dm^2 / 4 = 2.75 and 2.5; JSD = log det(Sm) / 2 - (log det Sa + log det Sb) / 4
        double jsd = 0.5 * Math.log(2.75 * 2.5) - 0.25 * (Math.log(1 * 4) + Math.log(4 * 1));
        assertEquals(Math.sqrt(jsd), GaussianTimbre.jensenShannon(a, b), 0.01);
        assertEquals(GaussianTimbre.jensenShannon(a, b), GaussianTimbre.jensenShannon(b, a), 1e-9);
        assertEquals(0, GaussianTimbre.jensenShannon(a, a), 1e-3);
        assertEquals(2, GaussianTimbre.dimensionOf(a.length));
        assertEquals(Math.log(4), a[a.length - 1], 0.01, "the log-determinant travels with the Gaussian");
    }

    @Test
    void jensenShannonSeesCorrelationsAndStaysFiniteForNearlySingularCovariances() {
        Random random = new Random(3);
        int n = 5000;
        double[][] correlated = new double[n][2];
        double[][] independent = new double[n][2];
        double[][] flat = new double[n][2];
        for (int t = 0; t < n; t++) {
            double x = random.nextGaussian();
            correlated[t] = new double[] {x, x + 0.1 * random.nextGaussian()};
            independent[t] = new double[] {random.nextGaussian(), random.nextGaussian()};
            flat[t] = new double[] {random.nextGaussian(), 0};
        }
        float[] c = GaussianTimbre.fit(correlated);
        float[] i = GaussianTimbre.fit(independent);
        float[] f = GaussianTimbre.fit(flat);
        assertTrue(GaussianTimbre.jensenShannon(c, i) > 0.5, "same variances, different correlation");
        double toFlat = GaussianTimbre.jensenShannon(i, f);
        assertTrue(Double.isFinite(toFlat) && toFlat > 0, "a constant coefficient: " + toFlat);
        assertEquals(1.0, GaussianTimbre.similarity(i, i), 1e-6);
        assertTrue(GaussianTimbre.similarity(c, i) < 1);
    }

    @Test
    void blendingKeepsThePackedLayout() {
        Random random = new Random(4);
        float[] a = GaussianTimbre.fit(sample(random, 10_000, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
        float[] b = GaussianTimbre.fit(sample(random, 10_000, new double[] {2, 0, 0}, new double[] {1, 1, 1}));
        float[] mid = GaussianTimbre.blend(java.util.List.of(a, b), new double[] {1, 1});
        assertEquals(a.length, mid.length);
        assertEquals(1, mid[0], 0.05);
        assertEquals(GaussianTimbre.jensenShannon(a, mid), GaussianTimbre.jensenShannon(b, mid), 0.02);
        assertTrue(GaussianTimbre.jensenShannon(a, mid) < GaussianTimbre.jensenShannon(a, b));
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
        NeighbourSearch raw = new NeighbourSearch(x, Knn.Metric.EUCLIDEAN, false);
        NeighbourSearch mp = new NeighbourSearch(x, Knn.Metric.EUCLIDEAN, true);
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
