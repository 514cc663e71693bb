package org.songspace.features;

import org.songspace.audio.ResamplerFilter;
import org.songspace.io.UserError;

/**
 * Parameters of the log-mel spectrogram. {@link #librosaDefaults()} gives librosa 0.9.2's
 * {@code melspectrogram} + {@code power_to_db} defaults; every field can be overridden with the builder.
 *
 * @param sampleRate audio is resampled to this rate first (22050 Hz)
 * @param nFft       FFT size and periodic Hann window length (2048)
 * @param hopLength  samples between frames (512); frames are centred with zero padding
 * @param nMels      Slaney-style mel bands with Slaney area normalisation (128)
 * @param fMin       lowest band edge in Hz (0)
 * @param fMax       highest band edge in Hz (sampleRate / 2)
 * @param topDb      dB below the loudest cell at which values are clipped (80); 0 disables the clip
 * @param amin       power floor before the logarithm (1e-10)
 * @param refPower   reference power for 0 dB (1.0)
 * @param resampler  resampling filter (librosa's default kaiser_best)
 */
public record FeatureConfig(int sampleRate, int nFft, int hopLength, int nMels, double fMin, double fMax,
                            double topDb, double amin, double refPower, ResamplerFilter resampler) {

    public FeatureConfig {
        require(sampleRate > 0, "sample rate must be positive: " + sampleRate);
        require(nFft >= 16, "n_fft must be at least 16: " + nFft);
        require(hopLength > 0, "hop length must be positive: " + hopLength);
        require(nMels > 0, "n_mels must be positive: " + nMels);
        require(fMin >= 0 && fMax > fMin, "need 0 <= fmin < fmax, got " + fMin + " .. " + fMax);
        require(fMax <= sampleRate / 2.0 + 1e-9, "fmax " + fMax + " exceeds the Nyquist frequency " + sampleRate / 2.0);
        require(topDb >= 0, "top_db must be >= 0: " + topDb);
        require(amin > 0 && refPower > 0, "amin and ref must be positive");
        require(resampler != null, "resampler is required");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UserError(message);
        }
    }

    public static FeatureConfig librosaDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of frames librosa produces for {@code samples} samples (center=True). */
    public int frameCount(int samples) {
        return 1 + samples / hopLength;
    }

    /** Frames in {@code seconds} of audio, e.g. 3 s -> 130 frames at the defaults. */
    public int framesForSeconds(double seconds) {
        return frameCount((int) Math.round(seconds * sampleRate));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.sampleRate = sampleRate;
        b.nFft = nFft;
        b.hopLength = hopLength;
        b.nMels = nMels;
        b.fMin = fMin;
        b.fMax = fMax;
        b.topDb = topDb;
        b.amin = amin;
        b.refPower = refPower;
        b.resampler = resampler;
        return b;
    }

    /** Builder whose defaults are librosa 0.9.2's. A NaN fMax means "half the sample rate". */
    public static final class Builder {
        private int sampleRate = 22050;
        private int nFft = 2048;
        private int hopLength = 512;
        private int nMels = 128;
        private double fMin = 0;
        private double fMax = Double.NaN;
        private double topDb = 80;
        private double amin = 1e-10;
        private double refPower = 1.0;
        private ResamplerFilter resampler = ResamplerFilter.KAISER_BEST;

        public Builder sampleRate(int v) { sampleRate = v; return this; }
        public Builder nFft(int v) { nFft = v; return this; }
        public Builder hopLength(int v) { hopLength = v; return this; }
        public Builder nMels(int v) { nMels = v; return this; }
        public Builder fMin(double v) { fMin = v; return this; }
        public Builder fMax(double v) { fMax = v; return this; }
        public Builder topDb(double v) { topDb = v; return this; }
        public Builder amin(double v) { amin = v; return this; }
        public Builder refPower(double v) { refPower = v; return this; }
        public Builder resampler(ResamplerFilter v) { resampler = v; return this; }

        public FeatureConfig build() {
            double max = Double.isNaN(fMax) ? sampleRate / 2.0 : fMax;
            return new FeatureConfig(sampleRate, nFft, hopLength, nMels, fMin, max, topDb, amin, refPower, resampler);
        }
    }
}
