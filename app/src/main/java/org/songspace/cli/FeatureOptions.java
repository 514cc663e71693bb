package org.songspace.cli;

import org.songspace.audio.ResamplerFilter;
import org.songspace.features.FeatureConfig;
import picocli.CommandLine.Option;

/** Log-mel parameters shared by every command that computes features; defaults are librosa 0.9.2's. */
final class FeatureOptions {
    @Option(names = "--sr", paramLabel = "HZ", defaultValue = "22050", description = "Target sample rate (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--n-fft", paramLabel = "N", defaultValue = "2048", description = "FFT size / window length (default: ${DEFAULT-VALUE}).")
    int nFft;

    @Option(names = "--hop", paramLabel = "N", defaultValue = "512", description = "Hop length in samples (default: ${DEFAULT-VALUE}).")
    int hop;

    @Option(names = "--n-mels", paramLabel = "N", defaultValue = "128", description = "Mel bands (default: ${DEFAULT-VALUE}).")
    int nMels;

    @Option(names = "--fmin", paramLabel = "HZ", defaultValue = "0", description = "Lowest mel frequency (default: ${DEFAULT-VALUE}).")
    double fMin;

    @Option(names = "--fmax", paramLabel = "HZ", description = "Highest mel frequency (default: sr / 2).")
    Double fMax;

    @Option(names = "--top-db", paramLabel = "DB", defaultValue = "80", description = "Clip dB values this far below the maximum; 0 disables (default: ${DEFAULT-VALUE}).")
    double topDb;

    @Option(names = "--resampler", paramLabel = "FILTER", defaultValue = "kaiser_best",
            description = "Resampling filter: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as librosa).")
    ResamplerFilter resampler;

    /** librosa's defaults, for commands without feature flags. */
    FeatureConfig defaults() {
        return FeatureConfig.librosaDefaults();
    }

    FeatureConfig toConfig() {
        FeatureConfig.Builder b = FeatureConfig.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hop)
                .nMels(nMels).fMin(fMin).topDb(topDb).resampler(resampler);
        if (fMax != null) {
            b.fMax(fMax);
        }
        return b.build();
    }
}
