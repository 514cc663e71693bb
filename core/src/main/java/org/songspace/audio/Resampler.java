package org.songspace.audio;

import org.songspace.io.UserError;

/**
 * Sample-rate conversion that reproduces librosa 0.9.2's {@code resample} (resampy's band-limited
 * interpolation with zero-padded edges, then trimmed or padded to ceil(n * ratio) samples).
 *
 * <p>resampy walks its 409,601-point table for every output sample; here the weights are computed once
 * per phase of the rational rate ratio (1 phase for 44.1 -> 22.05 kHz, 147 for 48 -> 22.05 kHz) and run
 * as tap-by-tap multiply-adds over gathered input rows ({@link PhaseFilters}), which the JIT turns into
 * SIMD. Sums are in float: against resampy's double sums that moves samples by ~1e-7, far below the
 * 1e-5 of the parity tests.
 */
public final class Resampler {
    /** Above this many phases the weights are computed per output sample instead of stored. */
    private static final int MAX_STORED_PHASES = 4096;
    /** An integer decimation runs as this many identical phases, to gather few input rows per output. */
    private static final int DECIMATION_PERIOD = 256;

    private final ResamplerFilter filter;

    public Resampler(ResamplerFilter filter) {
        this.filter = filter;
    }

    /** librosa's default quality. */
    public static Resampler kaiserBest() {
        return new Resampler(ResamplerFilter.KAISER_BEST);
    }

    public ResamplerFilter filter() {
        return filter;
    }

    /** Resamples a clip to {@code targetRate}; a clip already at that rate is returned as is. */
    public AudioClip resample(AudioClip clip, int targetRate) {
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        return clip.withSamples(resample(clip.samples(), clip.sampleRate(), targetRate), targetRate);
    }

    public float[] resample(float[] x, int fromRate, int toRate) {
        return resample(x, fromRate, toRate, false);
    }

    /** {@code direct}: resampy's sum per output sample in double, the reference the fast paths are tested against. */
    float[] resample(float[] x, int fromRate, int toRate, boolean direct) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new UserError("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;     // output samples per period
        int down = fromRate / g; // input samples per period
        double ratio = (double) toRate / fromRate;
        int produced = (int) (x.length * ratio);
        int wanted = (int) Math.ceil(x.length * ratio);
        float[] y = new float[wanted];

        double[] win = filter.halfWindow();
        double scale = Math.min(1.0, ratio);
        int indexStep = (int) (scale * filter.precision);
        // Downsampling widens the filter in time; resampy scales the table by the ratio to keep unit gain.
        double gain = ratio < 1 ? ratio : 1.0;
        int nOrig = x.length;
        if (up == 1 && !direct) {
            PhaseWeights w = PhaseWeights.of(win, 0, scale, indexStep, filter.precision, gain);
            PhaseFilters.run(x, PhaseFilters.decimating(w.left, w.right, DECIMATION_PERIOD), DECIMATION_PERIOD,
                    down * DECIMATION_PERIOD, y, produced);
            return y;
        }
        if (up <= MAX_STORED_PHASES && !direct) {
            PhaseFilters.run(x, PhaseFilters.build(win, up, scale, indexStep, filter.precision, gain), up, down, y, produced);
            return y;
        }
        for (int t = 0; t < produced; t++) {
            long num = (long) t * down;
            int n = (int) (num / up);
            int r = (int) (num % up);
            PhaseWeights w = PhaseWeights.of(win, scale * r / up, scale, indexStep, filter.precision, gain);
            double acc = 0;
            double[] left = w.left;
            int iMax = Math.min(n + 1, left.length);
            for (int i = 0; i < iMax; i++) {
                acc += left[i] * x[n - i];
            }
            double[] right = w.right;
            int kMax = Math.min(nOrig - n - 1, right.length);
            for (int k = 0; k < kMax; k++) {
                acc += right[k] * x[n + 1 + k];
            }
            y[t] = (float) acc;
        }
        return y;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Filter taps for one fractional position: {@code left[i]} weighs x[n-i], {@code right[k]} weighs x[n+1+k]. */
    record PhaseWeights(double[] left, double[] right) {

        static PhaseWeights of(double[] win, double frac, double scale, int indexStep, int precision, double gain) {
            return new PhaseWeights(taps(win, frac, indexStep, precision, gain),
                    taps(win, scale - frac, indexStep, precision, gain));
        }

        /** resampy's linear interpolation between table points, starting {@code frac} zero-crossings in. */
        private static double[] taps(double[] win, double frac, int indexStep, int precision, double gain) {
            double indexFrac = frac * precision;
            int offset = (int) indexFrac;
            double eta = indexFrac - offset;
            int count = (win.length - offset) / indexStep;
            double[] taps = new double[Math.max(0, count)];
            for (int i = 0; i < taps.length; i++) {
                int j = offset + i * indexStep;
                double delta = j + 1 < win.length ? win[j + 1] - win[j] : 0;
                taps[i] = gain * (win[j] + eta * delta);
            }
            return taps;
        }
    }
}
