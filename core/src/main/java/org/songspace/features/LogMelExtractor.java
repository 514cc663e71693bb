package org.songspace.features;

import org.songspace.audio.AudioClip;
import org.songspace.audio.Resampler;

/**
 * librosa 0.9.2's {@code melspectrogram} and {@code power_to_db}: centred frames with zero padding,
 * periodic Hann window, |STFT|^2 ({@link FftBackend}: FFmpeg or JTransforms), Slaney mel filterbank, then dB
 * with a top_db clip.
 *
 * <p>Thread-safe: the filterbank and window are shared, and each call opens (and closes) its own transform.
 */
public final class LogMelExtractor {
    private final FeatureConfig config;
    private final MelFilterbank filterbank;
    private final float[] window;
    private final Resampler resampler;
    private final FftBackend fft;

    public LogMelExtractor(FeatureConfig config) {
        this(config, FftBackend.best());
    }

    /** With the STFT's transforms from {@code fft} (benchmarks compare them; others take the best). */
    public LogMelExtractor(FeatureConfig config, FftBackend fft) {
        this.config = config;
        this.fft = fft;
        this.filterbank = MelFilterbank.of(config);
        this.window = periodicHann(config.nFft());
        this.resampler = new Resampler(config.resampler());
    }

    public FeatureConfig config() {
        return config;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }

    static float[] periodicHann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    /** Log-mel (dB) of a clip, resampling it first when its rate differs from the config's. */
    public MelSpectrogram logMel(AudioClip clip) {
        return logMel(clip, null);
    }

    /** As {@link #logMel(AudioClip)}, adding each stage's time to {@code clock} when it is not null. */
    public MelSpectrogram logMel(AudioClip clip, StageClock clock) {
        long t0 = System.nanoTime();
        AudioClip resampled = resampler.resample(clip, config.sampleRate());
        if (clock != null) {
            clock.add(StageClock.Stage.RESAMPLE, System.nanoTime() - t0);
        }
        MelSpectrogram power = powerMel(resampled.samples(), clock);
        long t1 = System.nanoTime();
        MelSpectrogram db = toDecibels(power);
        if (clock != null) {
            clock.add(StageClock.Stage.DECIBELS, System.nanoTime() - t1);
        }
        return db;
    }

    /** Power mel spectrogram of samples already at the config's rate. */
    public MelSpectrogram powerMel(float[] y) {
        return powerMel(y, null);
    }

    /** Frames transformed before the mel bands are applied to all of them at once. */
    private static final int FRAME_BLOCK = 16;

    private MelSpectrogram powerMel(float[] y, StageClock clock) {
        int nFft = config.nFft();
        int frames = config.frameCount(y.length);
        int nMels = config.nMels();
        int nBins = nFft / 2 + 1;
        float[] mel = new float[nMels * frames];
        float[] frame = new float[nFft];
        // Bin-major: each bin's powers over a block of frames are one row, so applying a mel band is a
        // multiply-add over contiguous rows (vectorised) rather than a dot product per frame (not).
        float[][] power = new float[nBins][FRAME_BLOCK];
        float[] band = new float[FRAME_BLOCK];
        long stftNanos = 0;
        long melNanos = 0;
        try (FrameTransform transform = fft.open(nFft)) {
            for (int t0 = 0; t0 < frames; t0 += FRAME_BLOCK) {
                int count = Math.min(FRAME_BLOCK, frames - t0);
                long start = System.nanoTime();
                for (int f = 0; f < count; f++) {
                    windowedFrame(y, t0 + f, frame);
                    transform.powerSpectrum(frame, power, f);
                }
                long middle = System.nanoTime();
                for (int m = 0; m < nMels; m++) {
                    filterbank.apply(m, power, band, count);
                    System.arraycopy(band, 0, mel, m * frames + t0, count);
                }
                stftNanos += middle - start;
                melNanos += System.nanoTime() - middle;
            }
        }
        if (clock != null) {
            clock.add(StageClock.Stage.STFT, stftNanos);
            clock.add(StageClock.Stage.MEL, melNanos);
        }
        return new MelSpectrogram(nMels, frames, mel, false);
    }

    /** Frame t of y, centred (zero-padded at the edges) and Hann-windowed, into {@code frame}. */
    private void windowedFrame(float[] y, int t, float[] frame) {
        int nFft = frame.length;
        // Frame t covers padded samples [t*hop, t*hop + nFft), i.e. y[t*hop - nFft/2 ...]; outside y is zero.
        int origin = t * config.hopLength() - nFft / 2;
        int from = Math.max(0, -origin);
        int to = Math.min(nFft, y.length - origin);
        java.util.Arrays.fill(frame, 0, Math.max(0, from), 0f);
        if (to > from) {
            // Copy, then multiply in place: one index for both arrays, which C2 vectorises.
            System.arraycopy(y, origin + from, frame, from, to - from);
        }
        if (to < nFft) {
            java.util.Arrays.fill(frame, Math.max(to, 0), nFft, 0f);
        }
        for (int i = 0; i < nFft; i++) {
            frame[i] *= window[i];
        }
    }

    /** {@code power_to_db(S, ref, amin, top_db)}: 10 log10(max(amin, S) / ref), clipped to max - top_db. */
    public MelSpectrogram toDecibels(MelSpectrogram power) {
        if (power.decibels()) {
            throw new IllegalArgumentException("spectrogram is already in dB");
        }
        float[] p = power.values();
        float[] db = new float[p.length];
        double amin = config.amin();
        double refDb = 10 * Math.log10(Math.max(amin, config.refPower()));
        float max = FastLog.decibels(p, (float) amin, refDb, db);
        if (config.topDb() > 0) {
            float floor = (float) (max - config.topDb());
            for (int i = 0; i < db.length; i++) {
                if (db[i] < floor) {
                    db[i] = floor;
                }
            }
        }
        return new MelSpectrogram(power.nMels(), power.frames(), db, true);
    }
}
