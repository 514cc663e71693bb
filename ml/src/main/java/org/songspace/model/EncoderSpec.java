package org.songspace.model;

import java.util.Arrays;

/**
 * The architecture of an encoder, small enough to store in model.json and rebuild from.
 *
 * @param type         which encoder
 * @param nMels        input height (mel bands)
 * @param frames       input width (frames per segment; 130 = 3 s)
 * @param channels     output channels of each conv-BN-ReLU-pool block of the shared trunk
 * @param kernel       conv kernel size (square, odd)
 * @param embeddingDim size of the embedding
 * @param gruHidden    GRU state size (CRNN only)
 * @param gruLayers    GRU layers (CRNN only)
 * @param pooling      how the trunk's (CRNN: the GRU's) output becomes one vector; absent in model.json
 *                     before 2026-12-02, read as {@link Pooling#AVERAGE}, which those models used
 */
public record EncoderSpec(EncoderType type, int nMels, int frames, int[] channels, int kernel, int embeddingDim,
                          int gruHidden, int gruLayers, Pooling pooling) {

    public EncoderSpec {
        if (channels.length != 4) {
            throw new IllegalArgumentException("the trunk has 4 conv blocks, got " + channels.length + " channel counts");
        }
        if (kernel % 2 == 0 || kernel < 1) {
            throw new IllegalArgumentException("kernel must be odd, got " + kernel);
        }
        if (nMels % 16 != 0 || frames < 16) {
            throw new IllegalArgumentException("input must be at least 16 frames and n_mels a multiple of 16, got "
                    + nMels + " x " + frames);
        }
        if (embeddingDim <= 0 || (type == EncoderType.CRNN && (gruHidden <= 0 || gruLayers < 1 || gruLayers > 2))) {
            throw new IllegalArgumentException("bad sizes: embedding " + embeddingDim + ", GRU " + gruHidden + " x " + gruLayers);
        }
        channels = channels.clone();
        pooling = pooling == null ? Pooling.AVERAGE : pooling;
    }

    /**
     * Defaults per type for 128 x 130 log-mel segments: trunk channels 16-32-64-128 (CAE 16-32-64-64,
     * since its flattened bottleneck grows with the last width), 3x3 kernels, 128-d embeddings, and for
     * the CRNN a one-layer GRU of 128.
     */
    public static EncoderSpec defaults(EncoderType type, int nMels, int frames) {
        int[] channels = type == EncoderType.CAE ? new int[] {16, 32, 64, 64} : new int[] {16, 32, 64, 128};
        return new EncoderSpec(type, nMels, frames, channels, 3, 128, 128, 1, Pooling.AVERAGE);
    }

    public EncoderSpec withEmbeddingDim(int dim) {
        return new EncoderSpec(type, nMels, frames, channels, kernel, dim, gruHidden, gruLayers, pooling);
    }

    public EncoderSpec withPooling(Pooling value) {
        return new EncoderSpec(type, nMels, frames, channels, kernel, embeddingDim, gruHidden, gruLayers, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncoderSpec s && type == s.type && nMels == s.nMels && frames == s.frames
                && Arrays.equals(channels, s.channels) && kernel == s.kernel && embeddingDim == s.embeddingDim
                && gruHidden == s.gruHidden && gruLayers == s.gruLayers && pooling == s.pooling;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(channels) * 31 + java.util.Objects.hash(type, nMels, frames, kernel, embeddingDim,
                gruHidden, gruLayers, pooling);
    }

    @Override
    public String toString() {
        return type.id() + " " + nMels + "x" + frames + " channels " + Arrays.toString(channels) + " kernel " + kernel
                + " dim " + embeddingDim + (type == EncoderType.CRNN ? " gru " + gruHidden + "x" + gruLayers : "")
                + (pooling == Pooling.AVERAGE ? "" : " pooling " + pooling.id());
    }
}
