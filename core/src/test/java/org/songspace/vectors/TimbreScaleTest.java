package org.songspace.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The timbre model's similarity means what cosine does whatever the library: nearest neighbours above 0,
 * unrelated tracks around it. A fixed "typical distance" put every neighbour of a library with wider
 * timbres than the reference sets below 0.
 */
class TimbreScaleTest {

    /** Forty tracks whose timbres lie far apart (each coefficient with its own spread: distances well above 2.0). */
    private static List<float[]> spreadLibrary() {
        Random random = new Random(3);
        List<float[]> out = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            double[] centre = new double[GaussianTimbre.COEFFICIENTS];
            double[] spread = new double[centre.length];
            for (int i = 0; i < centre.length; i++) {
                centre[i] = random.nextGaussian() * 6;
                spread[i] = Math.exp(1.5 * random.nextGaussian());
            }
            double[][] frames = new double[200][centre.length];
            for (double[] f : frames) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = centre[i] + spread[i] * random.nextGaussian();
                }
            }
            out.add(GaussianTimbre.fit(frames));
        }
        return out;
    }

    @Test
    void nearestNeighboursScoreAboveZeroAndTheMedianPairAtZero() {
        List<float[]> library = spreadLibrary();
        TimbreFilter filter = TimbreFilter.fit(library);
        assertTrue(filter.typicalDistance() > 2 * GaussianTimbre.TYPICAL_DISTANCE, "median " + filter.typicalDistance());
        int belowZeroAtFixedScale = 0;
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < library.size(); i++) {
            double best = Double.NEGATIVE_INFINITY;
            double bestFixed = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < library.size(); j++) {
                if (i != j) {
                    double s = filter.similarity(library.get(i), library.get(j));
                    best = Math.max(best, s);
                    bestFixed = Math.max(bestFixed, GaussianTimbre.similarity(library.get(i), library.get(j)));
                    if (j > i) {
                        all.add(s);
                    }
                }
            }
            assertTrue(best > 0, "track " + i + ": nearest neighbour at " + best);
            belowZeroAtFixedScale += bestFixed < 0 ? 1 : 0;
        }
        assertTrue(belowZeroAtFixedScale > 30, "the fixed scale puts most nearest neighbours below 0: " + belowZeroAtFixedScale);
        long above = all.stream().filter(s -> s > 0).count();
        assertEquals(0.5, above / (double) all.size(), 0.01, "half the pairs above the median distance");
        assertEquals(1.0, filter.similarity(library.get(0), library.get(0)), 1e-6);
    }

    @Test
    void indexesMadeBeforeTheScaleWasStoredKeepTheFixedOne() {
        List<float[]> library = spreadLibrary();
        TimbreFilter fitted = TimbreFilter.fit(library);
        TimbreFilter older = new TimbreFilter(GaussianTimbre.DIVERGENCE, fitted.mean(), fitted.std());
        assertEquals(GaussianTimbre.TYPICAL_DISTANCE, older.scale());
        assertEquals(GaussianTimbre.similarity(library.get(0), library.get(1)), older.similarity(library.get(0), library.get(1)), 1e-12);
    }
}
