package org.songspace.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingDiagnosticsTest {
    private static float[][] around(float[] centre, double noise, int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][centre.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < centre.length; j++) {
                x[i][j] = (float) (centre[j] + noise * r.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void aSpreadSetIsNotCollapsedAndANarrowOneIs() {
        float[][] spread = around(new float[64], 1.0, 400, 1);
        EmbeddingDiagnostics s = EmbeddingDiagnostics.of(spread);
        assertEquals(0, s.meanPairwiseCosine(), 0.02);
        assertTrue(s.effectiveRank() > 40, "isotropic 64-d: " + s);
        assertFalse(s.collapsed());

        float[] direction = new float[64];
        direction[3] = 1;
        EmbeddingDiagnostics narrow = EmbeddingDiagnostics.of(around(direction, 0.01, 400, 2));
        assertTrue(narrow.meanPairwiseCosine() > 0.99, narrow.toString());
        // The noise around the one direction still counts in the entropy (issue 13 saw 0.9967 with rank 6.8).
        assertTrue(narrow.effectiveRank() < s.effectiveRank() / 4, narrow + " vs " + s);
        assertTrue(narrow.collapsed());
        EmbeddingDiagnostics exact = EmbeddingDiagnostics.of(around(direction, 0, 50, 3));
        assertEquals(1.0, exact.meanPairwiseCosine(), 1e-9);
        assertEquals(1.0, exact.effectiveRank(), 1e-6);
    }

    @Test
    void twoOppositeClustersHaveRankOneButAreNotCollapsedByCosine() {
        float[][] x = new float[10][2];
        for (int i = 0; i < 10; i++) {
            x[i] = new float[] {i % 2 == 0 ? 1 : -1, 0};
        }
        EmbeddingDiagnostics d = EmbeddingDiagnostics.of(x);
        // 20 of 45 pairs agree (+1), 25 disagree (-1): mean -5/45.
        assertEquals(-5.0 / 45, d.meanPairwiseCosine(), 1e-9);
        assertEquals(1.0, d.effectiveRank(), 1e-9);
    }
}
