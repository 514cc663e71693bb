package org.songspace.features;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.songspace.audio.FfmpegDecoder;

/** FFmpeg's transforms give JTransforms' power spectra (to float precision), for any frame length. */
class FrameTransformTest {
    @ParameterizedTest
    @ValueSource(ints = {2048, 1024, 1000, 2047, 4096, 512})
    void ffmpegAndJTransformsAgree(int n) {
        assumeTrue(FfmpegDecoder.available(), "FFmpeg's natives do not load here");
        Random random = new Random(n);
        float[] frame = new float[n];
        float[][] fast = new float[n / 2 + 1][1];
        float[][] exact = new float[n / 2 + 1][1];
        try (FrameTransform ffmpeg = FftBackend.FFMPEG.open(n); FrameTransform jtransforms = FftBackend.JTRANSFORMS.open(n)) {
            for (int rep = 0; rep < 20; rep++) {
                for (int i = 0; i < n; i++) {
                    // A loud tone over quiet noise: bins spanning ~100 dB, as music has.
                    frame[i] = (float) (Math.sin(0.05 * i * (rep + 1)) + 1e-4 * random.nextGaussian());
                }
                ffmpeg.powerSpectrum(frame, fast, 0);
                jtransforms.powerSpectrum(frame, exact, 0);
                double max = 0;
                for (float[] bin : exact) {
                    max = Math.max(max, bin[0]);
                }
                for (int k = 0; k <= n / 2; k++) {
                    // Float precision: 1e-4 of the bin, or 1e-6 of the frame's peak for the quiet bins (whose
                    // float rounding is relative to the loudest), i.e. far under the mel's 0.001 dB.
                    double allowed = 1e-4 * exact[k][0] + 1e-6 * max;
                    assertTrue(Math.abs(fast[k][0] - exact[k][0]) <= allowed,
                            "n=" + n + " bin " + k + ": " + fast[k][0] + " vs " + exact[k][0]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2048})
    void transformsOpenAndCloseWithoutLeakingOrCrashing(int n) {
        assumeTrue(FfmpegDecoder.available(), "FFmpeg's natives do not load here");
        float[] frame = new float[n];
        float[][] power = new float[n / 2 + 1][1];
        frame[3] = 1;
        for (int i = 0; i < 2000; i++) {
            try (FrameTransform t = FftBackend.FFMPEG.open(n)) {
                t.powerSpectrum(frame, power, 0);
            }
        }
        // An impulse has a flat spectrum.
        for (float[] bin : power) {
            assertTrue(Math.abs(bin[0] - 1) < 1e-5, "impulse power " + bin[0]);
        }
    }
}
