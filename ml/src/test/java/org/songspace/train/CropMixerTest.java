package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CropMixerTest {
    @Test
    void cropsBlendInPowerOnlyWithCropsOfTheirLabel() {
        int cells = 6;
        float[] data = new float[3 * cells];
        java.util.Arrays.fill(data, 0, cells, -10f);
        java.util.Arrays.fill(data, cells, 2 * cells, -40f);
        java.util.Arrays.fill(data, 2 * cells, 3 * cells, 0f);
        TrainingSampler.Batch batch = new TrainingSampler.Batch(data, 3, new int[] {0, 0, 1});
        new CropMixer(1.0).apply(batch, cells, new Random(3));
        for (int i = 0; i < cells; i++) {
            // Crop 0 keeps at least half its power (-10 dB) and takes at most half of crop 1's.
            float first = data[i];
            assertTrue(first <= -10f && first >= (float) (10 * Math.log10(0.5 * 0.1)), "crop 0: " + first);
            // Crop 1 takes 0-50 % of crop 0's power, which is 30 dB stronger: it rises, but never above -13 dB.
            float second = data[cells + i];
            assertTrue(second > -40f && second <= (float) (10 * Math.log10(0.5 * 1e-4 + 0.5 * 0.1)) + 1e-4f, "crop 1: " + second);
            assertEquals(0f, data[2 * cells + i], 0f, "crop 2 is the only one of its label and stays as it was");
        }
    }

    @Test
    void anEvenBlendOfEqualPowerIsThatPower() {
        float[] data = {-20f, -20f};
        CropMixer.blend(data, 0, new float[] {-20f, -20f}, 0, 2, 0.5);
        assertEquals(-20f, data[0], 1e-5f);
        float[] quiet = {-30f};
        CropMixer.blend(quiet, 0, new float[] {-10f}, 0, 1, 0.5);
        assertEquals(10 * Math.log10(0.5e-3 + 0.5e-1), quiet[0], 1e-5);
    }
}
