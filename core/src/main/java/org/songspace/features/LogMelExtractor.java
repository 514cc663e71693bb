package org.songspace.features;

import org.jtransforms.fft.DoubleFFT_1D;
import org.songspace.audio.AudioClip;
import org.songspace.audio.Resampler;

/**
 * librosa 0.9.2's {@code melspectrogram} and {@code power_to_db}: centred frames with zero padding,
 * periodic Hann window, |STFT|^2 through JTransforms, Slaney mel filterbank, then dB with a top_db clip.
 *
 * <p>Thread-safe: the filterbank and window are shared, and each call takes its own FFT work buffers.
 */
public final class LogMelExtractor {
    private final FeatureConfig config;
    private final MelFilterbank filterbank;
    private final double[] window;
    private final Resampler resampler;
    private final ThreadLocal<DoubleFFT_1D> fft;

    public LogMelExtractor(FeatureConfig config) {
        this.config = config;
        this.filterbank = MelFilterbank.of(config);
        this.window = periodicHann(config.nFft());
        this.resampler = new Resampler(config.resampler());
        int n = config.nFft();
        this.fft = ThreadLocal.withInitial(() -> new DoubleFFT_1D(n));
    }

    public FeatureConfig config() {
        return config;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }

    static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
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
        // Double transforms: JTransforms' float ones are no faster at this size, and less exact.
        double[] buf = new double[nFft];
        // Bin-major: each bin's powers over a block of frames are one row, so applying a mel band is a
        // multiply-add over contiguous rows (vectorised) rather than a dot product per frame (not).
        float[][] power = new float[nBins][FRAME_BLOCK];
        float[] band = new float[FRAME_BLOCK];
        DoubleFFT_1D transform = fft.get();
        long stftNanos = 0;
        long melNanos = 0;
        for (int t0 = 0; t0 < frames; t0 += FRAME_BLOCK) {
            int count = Math.min(FRAME_BLOCK, frames - t0);
            long start = System.nanoTime();
            for (int f = 0; f < count; f++) {
                powerSpectrum(y, t0 + f, buf, transform, power, f);
            }
            long middle = System.nanoTime();
            for (int m = 0; m < nMels; m++) {
                filterbank.apply(m, power, band, count);
                System.arraycopy(band, 0, mel, m * frames + t0, count);
            }
            stftNanos += middle - start;
            melNanos += System.nanoTime() - middle;
        }
        if (clock != null) {
            clock.add(StageClock.Stage.STFT, stftNanos);
            clock.add(StageClock.Stage.MEL, melNanos);
        }
        return new MelSpectrogram(nMels, frames, mel, false);
    }

    /** |FFT|^2 of centred, Hann-windowed frame t into column {@code column} of the bin-major {@code power}. */
    private void powerSpectrum(float[] y, int t, double[] buf, DoubleFFT_1D transform, float[][] power, int column) {
        int nFft = buf.length;
        // Frame t covers padded samples [t*hop, t*hop + nFft), i.e. y[t*hop - nFft/2 ...]; outside y is zero.
        int origin = t * config.hopLength() - nFft / 2;
        int from = Math.max(0, -origin);
        int to = Math.min(nFft, y.length - origin);
        java.util.Arrays.fill(buf, 0, Math.max(0, from), 0.0);
        for (int i = from; i < to; i++) {
            buf[i] = window[i] * y[origin + i];
        }
        if (to < nFft) {
            java.util.Arrays.fill(buf, Math.max(to, 0), nFft, 0.0);
        }
        transform.realForward(buf);
        // JTransforms packs Re[0], Re[n/2], then (Re[k], Im[k]) pairs.
        int last = nFft / 2;
        // Powers stored in float, as librosa's complex64 STFT leaves them.
        power[0][column] = (float) (buf[0] * buf[0]);
        power[last][column] = (float) (buf[1] * buf[1]);
        for (int k = 1; k < last; k++) {
            double re = buf[2 * k];
            double im = buf[2 * k + 1];
            power[k][column] = (float) (re * re + im * im);
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
