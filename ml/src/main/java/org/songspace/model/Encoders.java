package org.songspace.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import java.util.List;

/**
 * Builds the three encoders from an {@link EncoderSpec}. All share one conv trunk (4 blocks of
 * conv-BN-ReLU-max-pool); they differ in what pools and what follows:
 * <ul>
 *   <li>CAE: 2x2 pools, flatten, linear bottleneck (the embedding), and a mirrored decoder of 2x
 *       upsampling + conv-BN-ReLU blocks; outputs {@code [embedding, reconstruction]}.</li>
 *   <li>triplet: 2x2 pools, global pooling ({@link Pooling}: a new model's average and maximum side by side,
 *       older models' average), linear projection, L2 normalisation.</li>
 *   <li>contrastive: the triplet encoder, whose embedding also feeds a projection head (linear-ReLU-linear,
 *       L2-normalised) that only the training loss sees; outputs {@code [embedding, projection]}. The
 *       head absorbs what the augmentations vary, so the embedding before it keeps more of the music
 *       (SimCLR, Chen et al. 2020).</li>
 *   <li>CRNN: pools of 2x2, 2x2, 4x1, 4x1 keep time resolution (T/4 steps); the frequency and channel
 *       axes become GRU features; the GRU output pooled over time (the mean by default) is projected and
 *       L2-normalised.</li>
 * </ul>
 * Input: standardised log-mel segments {@code [batch, 1, nMels, frames]}.
 */
public final class Encoders {
    private Encoders() {
    }

    public static Block build(EncoderSpec spec) {
        return switch (spec.type()) {
            case CAE -> autoencoder(spec);
            case TRIPLET -> tripletEncoder(spec);
            case CRNN -> crnn(spec);
            case CONTRASTIVE -> contrastive(spec);
        };
    }

    /** The shared conv trunk with the given pooling (height, width) per block. */
    static SequentialBlock trunk(EncoderSpec spec, int[][] pools) {
        SequentialBlock trunk = new SequentialBlock();
        int k = spec.kernel();
        for (int i = 0; i < 4; i++) {
            trunk.add(Conv2d.builder().setFilters(spec.channels()[i]).setKernelShape(new Shape(k, k))
                            .optPadding(new Shape(k / 2, k / 2)).optBias(false).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(pools[i][0], pools[i][1])));
        }
        return trunk;
    }

    static NDArray l2Normalise(NDArray x) {
        NDArray norm = x.norm(new int[] {1}, true).maximum(1e-12f);
        return x.div(norm);
    }

    private static Block tripletEncoder(EncoderSpec spec) {
        return new SequentialBlock()
                .add(trunk(spec, new int[][] {{2, 2}, {2, 2}, {2, 2}, {2, 2}}))
                .add(globalPool(spec))
                .add(Linear.builder().setUnits(spec.embeddingDim()).build())
                .add(LambdaBlock.singleton(Encoders::l2Normalise, "l2_normalise"));
    }

    /** [B, C, F, T] -> [B, C] (or [B, 2C] with average and max side by side). */
    private static Block globalPool(EncoderSpec spec) {
        // The average keeps its old block name: an average-pooled encoder is the very block older models saved.
        String name = spec.pooling() == Pooling.AVERAGE ? "global_average_pool" : "global_" + spec.pooling().id() + "_pool";
        return LambdaBlock.singleton(x -> spec.pooling().apply(x, new int[] {2, 3}), name);
    }

    /** Width of the contrastive encoder's projection head (hidden layer and output). */
    static final int PROJECTION_HIDDEN = 256;
    static final int PROJECTION_DIM = 128;

    private static Block contrastive(EncoderSpec spec) {
        SequentialBlock head = new SequentialBlock()
                .add(Linear.builder().setUnits(PROJECTION_HIDDEN).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(PROJECTION_DIM).build())
                .add(LambdaBlock.singleton(Encoders::l2Normalise, "l2_normalise"));
        ParallelBlock both = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                List.of(LambdaBlock.singleton(Encoders::l2Normalise, "l2_normalise"), head));
        return new SequentialBlock()
                .add(trunk(spec, new int[][] {{2, 2}, {2, 2}, {2, 2}, {2, 2}}))
                .add(globalPool(spec))
                .add(Linear.builder().setUnits(spec.embeddingDim()).build())
                .add(both);
    }

    private static Block crnn(EncoderSpec spec) {
        SequentialBlock gru = new SequentialBlock().add(GRU.builder().setStateSize(spec.gruHidden())
                .setNumLayers(spec.gruLayers()).optBatchFirst(true).optReturnState(false).build());
        return new SequentialBlock()
                .add(trunk(spec, new int[][] {{2, 2}, {2, 2}, {4, 1}, {4, 1}}))
                // [B, C, F, T] -> [B, T, C*F]: each time step's features go to the GRU.
                .add(LambdaBlock.singleton(x -> {
                    Shape s = x.getShape();
                    return x.transpose(0, 3, 1, 2).reshape(s.get(0), s.get(3), s.get(1) * s.get(2));
                }, "to_sequence"))
                .add(gru)
                .add(LambdaBlock.singleton(x -> spec.pooling().apply(x, new int[] {1}),
                        spec.pooling() == Pooling.AVERAGE ? "mean_over_time" : spec.pooling().id() + "_over_time"))
                .add(Linear.builder().setUnits(spec.embeddingDim()).build())
                .add(LambdaBlock.singleton(Encoders::l2Normalise, "l2_normalise"));
    }

    /** Height and width of the trunk's output after four 2x2 pools. */
    static int[] bottleneckGrid(EncoderSpec spec) {
        return new int[] {spec.nMels() / 16, spec.frames() / 16};
    }

    private static Block autoencoder(EncoderSpec spec) {
        int[] grid = bottleneckGrid(spec);
        int last = spec.channels()[3];
        SequentialBlock encoder = new SequentialBlock()
                .add(trunk(spec, new int[][] {{2, 2}, {2, 2}, {2, 2}, {2, 2}}))
                .add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), -1), "flatten"))
                .add(Linear.builder().setUnits(spec.embeddingDim()).build());
        SequentialBlock decoder = new SequentialBlock()
                .add(Linear.builder().setUnits((long) last * grid[0] * grid[1]).build())
                .add(Activation.reluBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), last, grid[0], grid[1]), "unflatten"));
        // Nearest-neighbour upsampling then conv (libtorch's engine in DJL has no transposed convolution).
        for (int i = 3; i >= 0; i--) {
            int out = i == 0 ? 16 : spec.channels()[i - 1];
            decoder.add(LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "upsample_2x"))
                    .add(Conv2d.builder().setFilters(out).setKernelShape(new Shape(3, 3))
                            .optPadding(new Shape(1, 1)).optBias(false).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        decoder.add(Conv2d.builder().setFilters(1).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build());
        // [embedding] -> [embedding, reconstruction]
        ParallelBlock both = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                List.of(new LambdaBlock(x -> x, "identity"), decoder));
        return new SequentialBlock().add(encoder).add(both);
    }

    /** Frames the CAE reconstructs (a multiple of 16); its loss compares them with the first frames of the input. */
    public static int reconstructedFrames(EncoderSpec spec) {
        return bottleneckGrid(spec)[1] * 16;
    }
}
