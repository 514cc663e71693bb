package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private final Resampler resampler = Resampler.kaiserBest();

    private static float[] sine(double freq, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * freq * i / rate);
        }
        return x;
    }

    @Test
    void lengthIsCeilOfRatioAsLibrosaPads() {
        assertEquals(22050, resampler.resample(new float[44100], 44100, 22050).length);
        assertEquals(3, resampler.resample(new float[5], 44100, 22050).length);
        assertEquals(22050, resampler.resample(new float[48000], 48000, 22050).length);
        assertEquals(2205, resampler.resample(new float[1600], 16000, 22050).length);
    }

    @Test
    void passbandSineKeepsItsShapeAtEveryRatio() {
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {16000, 22050}, {8000, 22050}};
        for (int[] p : pairs) {
            float[] x = sine(440, p[0], p[0]);
            float[] y = resampler.resample(x, p[0], p[1]);
            float[] expected = sine(440, p[1], y.length);
            double worst = 0;
            // Away from the zero-padded edges the output must be the same sine at the new rate.
            for (int i = 200; i < y.length - 200; i++) {
                worst = Math.max(worst, Math.abs(y[i] - expected[i]));
            }
            assertTrue(worst < 2e-3, p[0] + " -> " + p[1] + ": max deviation " + worst);
        }
    }

    @Test
    void fastPathsGiveResampysSumsAtEveryRatio() {
        java.util.Random random = new java.util.Random(3);
        for (int[] p : new int[][] {{44100, 22050}, {48000, 22050}, {16000, 22050}, {88200, 22050}, {32000, 22050}}) {
            float[] x = new float[p[0] + 777];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.5 * Math.sin(i * 0.013) + 0.2 * random.nextGaussian());
            }
            float[] fast = resampler.resample(x, p[0], p[1]);
            float[] direct = resampler.resample(x, p[0], p[1], true);
            assertEquals(direct.length, fast.length);
            double worst = 0;
            for (int i = 0; i < fast.length; i++) {
                worst = Math.max(worst, Math.abs(fast[i] - direct[i]));
            }
            assertTrue(worst < 2e-6, p[0] + " -> " + p[1] + ": fast vs direct max difference " + worst);
        }
    }

    @Test
    void toneAboveTheNewNyquistIsRemoved() {
        float[] x = sine(15000, 44100, 44100);
        float[] y = resampler.resample(x, 44100, 22050);
        double energy = 0;
        for (int i = 500; i < y.length - 500; i++) {
            energy += y[i] * y[i];
        }
        double rms = Math.sqrt(energy / (y.length - 1000));
        assertTrue(rms < 1e-3, "15 kHz tone should be filtered out at 22.05 kHz, rms " + rms);
    }

    @Test
    void tableMatchesTheClosedFormAtZero() {
        double[] w = ResamplerFilter.KAISER_BEST.halfWindow();
        assertEquals(50 * 8192 + 1, w.length);
        assertEquals(0.9173473712608761, w[0], 1e-15);
        assertEquals(0, w[w.length - 1], 1e-6);
        assertEquals(1.0, ResamplerFilter.besselI0(0), 0);
        assertEquals(11.301921952136330, ResamplerFilter.besselI0(4), 1e-12);
    }
}
