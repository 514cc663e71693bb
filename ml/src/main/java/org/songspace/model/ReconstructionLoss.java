package org.songspace.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error between the CAE's reconstruction (predictions' second array) and the input
 * segment (labels' first array), cropped to the frames the decoder produces.
 */
public final class ReconstructionLoss extends Loss {
    private final int frames;

    public ReconstructionLoss(int frames) {
        super("reconstruction_mse");
        this.frames = frames;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.get(0).get(":, :, :, 0:" + frames);
        return predictions.get(1).sub(target).square().mean();
    }
}
