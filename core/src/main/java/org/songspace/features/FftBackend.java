package org.songspace.features;

import org.songspace.audio.FfmpegDecoder;

/**
 * Which library computes the STFT's real transforms. FFmpeg's {@code av_tx} (SIMD, already loaded for
 * decoding) is about three times faster than JTransforms at 2048 points; JTransforms (pure Java, double
 * precision) is the fallback where FFmpeg's natives do not load. Both agree with librosa's mel to ~1e-3 dB.
 */
public enum FftBackend {
    FFMPEG, JTRANSFORMS;

    /** FFmpeg when its natives load here, else JTransforms. */
    public static FftBackend best() {
        return FfmpegDecoder.available() ? FFMPEG : JTRANSFORMS;
    }

    /**
     * A transform of {@code n}-sample frames; close it to free what it holds. A length FFmpeg refuses (its
     * real transforms need an even one) falls back to JTransforms.
     */
    FrameTransform open(int n) {
        if (this == FFMPEG && n % 2 == 0) {
            try {
                return new FfmpegFrameTransform(n);
            } catch (IllegalStateException refused) {
                return new JTransformsFrameTransform(n);
            }
        }
        return new JTransformsFrameTransform(n);
    }
}
