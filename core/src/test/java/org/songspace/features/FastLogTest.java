package org.songspace.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastLogTest {
    @Test
    void agreesWithMathLog10AcrossTheFloatRange() {
        Random random = new Random(3);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            float x = (float) Math.pow(10, -12 + 20 * random.nextDouble());
            worst = Math.max(worst, Math.abs(FastLog.decibels(x) - 10 * Math.log10(x)));
        }
        assertTrue(worst < 1e-6, "max error " + worst + " dB");
        assertEquals(0, FastLog.decibels(1f), 0);
        assertEquals(-100, FastLog.decibels(1e-10f), 1e-5);
        assertEquals(10 * Math.log10(1e-40), FastLog.decibels(1e-40f), 1e-3, "subnormals fall back to Math.log10");
    }
}
