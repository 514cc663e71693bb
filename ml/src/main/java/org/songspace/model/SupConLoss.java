package org.songspace.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Supervised contrastive loss (Khosla et al. 2020, the "L_out" form): for every anchor, the mean over its
 * positives of -log(exp(s_ap / t) / sum over all others exp(s_ak / t)), with s the cosine similarity of
 * L2-normalised embeddings and t a temperature. Every other segment of the batch pushes, every positive
 * pulls, so the embeddings keep spreading over the sphere instead of collapsing to one point, which is
 * where batch-hard triplets on small real sets end up.
 * Labels: the predictions' first array is the embeddings [B, D] (for {@link #ntXent} the second, the
 * projection head's output); the labels' first is the class [B].
 * With the two augmented views of each track as the only positives, this is NT-Xent (SimCLR).
 */
public final class SupConLoss extends Loss {
    private final float temperature;
    private final int output;

    public SupConLoss(float temperature) {
        this("supcon", temperature, 0);
    }

    private SupConLoss(String name, float temperature, int output) {
        super(name);
        this.output = output;
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.temperature = temperature;
    }

    /** NT-Xent on the projection head's output: labels name each segment's track (two views per track). */
    public static SupConLoss ntXent(float temperature) {
        return new SupConLoss("nt_xent", temperature, 1);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return loss(predictions.get(output), labels.get(0), temperature);
    }

    static NDArray loss(NDArray embeddings, NDArray classes, float temperature) {
        NDManager m = embeddings.getManager();
        int n = (int) embeddings.getShape().get(0);
        NDArray eye = m.eye(n).toType(DataType.FLOAT32, false);
        NDArray c = classes.toType(DataType.INT64, false);
        NDArray positive = c.expandDims(1).eq(c.expandDims(0)).toType(DataType.FLOAT32, false).sub(eye);
        NDArray logits = embeddings.matMul(embeddings.transpose()).div(temperature);
        // Leave each anchor out of its own denominator; subtract the row max for a stable log-sum-exp.
        NDArray masked = logits.sub(eye.mul(1e9f));
        NDArray rowMax = masked.max(new int[] {1}, true).stopGradient();
        NDArray shifted = masked.sub(rowMax);
        NDArray logDenominator = shifted.exp().sum(new int[] {1}, true).log();
        NDArray logProb = shifted.sub(logDenominator);
        NDArray positives = positive.sum(new int[] {1});
        NDArray perAnchor = logProb.mul(positive).sum(new int[] {1}).div(positives.maximum(1)).neg();
        NDArray has = positives.gt(0).toType(DataType.FLOAT32, false);
        return perAnchor.mul(has).sum().div(has.sum().maximum(1));
    }
}
