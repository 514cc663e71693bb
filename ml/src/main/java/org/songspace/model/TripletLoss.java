package org.songspace.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Triplet margin loss with online mining inside each batch (batches hold P labels x K segments).
 * Embeddings are L2-normalised, so distances lie in [0, 2].
 * <ul>
 *   <li>batch-hard (default): for each anchor, its farthest positive and nearest negative;</li>
 *   <li>batch-all: every valid triplet, averaged over the active ones;</li>
 *   <li>semi-hard: for each anchor-positive pair, the nearest negative farther than the positive (the
 *       FaceNet rule); when none exists, the farthest negative, as TensorFlow Addons does.</li>
 * </ul>
 * Labels: the predictions' first array is the embeddings [B, D]; the labels' first is the class [B].
 */
public final class TripletLoss extends Loss {
    /** How triplets are picked in a batch. */
    public enum Mining { BATCH_HARD, SEMI_HARD, BATCH_ALL }

    private static final float BIG = 1e6f;
    private final float margin;
    private final Mining mining;

    public TripletLoss(float margin, Mining mining) {
        super("triplet_" + mining.name().toLowerCase(java.util.Locale.ROOT));
        this.margin = margin;
        this.mining = mining;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray embeddings = predictions.get(0);
        NDArray classes = labels.get(0);
        NDArray dist = distances(embeddings);
        return switch (mining) {
            case BATCH_HARD -> batchHard(dist, classes, margin);
            case SEMI_HARD -> semiHard(dist, classes, margin);
            case BATCH_ALL -> batchAll(dist, classes, margin);
        };
    }

    /**
     * The share of anchors in this batch that still have a triplet inside the margin (their hardest positive
     * is not a margin closer than their hardest negative). Near zero means the batch teaches nothing; stuck
     * near one with the loss at the margin means the embeddings have collapsed.
     */
    public double activeFraction(NDList labels, NDList predictions) {
        NDArray[] hardest = hardestMargins(distances(predictions.get(0).stopGradient()), labels.get(0), margin);
        NDArray valid = hardest[1];
        NDArray active = hardest[0].gt(0).toType(DataType.FLOAT32, false).mul(valid);
        float anchors = valid.sum().getFloat();
        return anchors == 0 ? Double.NaN : active.sum().getFloat() / anchors;
    }

    /**
     * Per anchor: hardest positive distance - hardest negative distance + margin, and whether the anchor
     * has both a positive and a negative in the batch (1 or 0).
     */
    private static NDArray[] hardestMargins(NDArray dist, NDArray classes, float margin) {
        NDArray[] mk = masks(classes);
        NDArray positive = mk[0];
        NDArray negative = mk[1];
        NDArray hardestPos = dist.mul(positive).max(new int[] {1});
        NDArray hardestNeg = dist.add(negative.neg().add(1).mul(BIG)).min(new int[] {1});
        NDArray valid = positive.sum(new int[] {1}).gt(0).logicalAnd(negative.sum(new int[] {1}).gt(0))
                .toType(DataType.FLOAT32, false);
        return new NDArray[] {hardestPos.sub(hardestNeg).add(margin), valid};
    }

    /** Euclidean distances between L2-normalised rows: sqrt(2 - 2 cos). */
    public static NDArray distances(NDArray embeddings) {
        NDArray dot = embeddings.matMul(embeddings.transpose());
        return dot.mul(-2).add(2).maximum(0).add(1e-12f).sqrt();
    }

    /** Same-label pairs without the diagonal, and different-label pairs, as float masks. */
    static NDArray[] masks(NDArray classes) {
        NDManager m = classes.getManager();
        long n = classes.getShape().get(0);
        NDArray c = classes.toType(DataType.INT64, false);
        NDArray same = c.expandDims(1).eq(c.expandDims(0)).toType(DataType.FLOAT32, false);
        NDArray eye = m.eye((int) n).toType(DataType.FLOAT32, false);
        NDArray positive = same.sub(eye);
        NDArray negative = same.neg().add(1);
        return new NDArray[] {positive, negative};
    }

    /** Index of each anchor's hardest (farthest) positive; -1 semantics are left to the caller via masks. */
    public static NDArray hardestPositive(NDArray dist, NDArray classes) {
        NDArray positive = masks(classes)[0];
        return dist.mul(positive).sub(positive.neg().add(1).mul(BIG)).argMax(1);
    }

    /** Index of each anchor's hardest (nearest) negative. */
    public static NDArray hardestNegative(NDArray dist, NDArray classes) {
        NDArray negative = masks(classes)[1];
        return dist.add(negative.neg().add(1).mul(BIG)).argMin(1);
    }

    static NDArray batchHard(NDArray dist, NDArray classes, float margin) {
        NDArray[] hardest = hardestMargins(dist, classes, margin);
        NDArray valid = hardest[1];
        NDArray losses = hardest[0].maximum(0).mul(valid);
        return losses.sum().div(valid.sum().maximum(1));
    }

    /**
     * Every valid (anchor, positive, negative) triplet of the batch, averaged over those with a loss above
     * zero (Hermans et al. 2017, "batch all"): many triplets pull at once, so no single hardest pair can
     * drag every embedding to the same point.
     */
    static NDArray batchAll(NDArray dist, NDArray classes, float margin) {
        NDArray[] mk = masks(classes);
        NDArray valid = mk[0].expandDims(2).mul(mk[1].expandDims(1));           // [a, p, n]
        NDArray losses = dist.expandDims(2).sub(dist.expandDims(1)).add(margin).maximum(0).mul(valid);
        NDArray active = losses.gt(1e-6f).toType(DataType.FLOAT32, false);
        return losses.sum().div(active.sum().maximum(1));
    }

    static NDArray semiHard(NDArray dist, NDArray classes, float margin) {
        NDArray[] mk = masks(classes);
        NDArray positive = mk[0];
        NDArray negative = mk[1];
        NDArray dAp = dist.expandDims(2);                      // [a, p, 1]
        NDArray dAn = dist.expandDims(1);                      // [a, 1, n]
        NDArray negMask = negative.expandDims(1);              // [a, 1, n]
        NDArray semi = dAn.gt(dAp).toType(DataType.FLOAT32, false).mul(negMask);   // [a, p, n]
        NDArray semiDist = dAn.add(semi.neg().add(1).mul(BIG)).min(new int[] {2});  // [a, p]
        NDArray hasSemi = semi.sum(new int[] {2}).gt(0).toType(DataType.FLOAT32, false);
        NDArray farthestNeg = dist.mul(negative).max(new int[] {1}, true);          // [a, 1]
        NDArray chosen = semiDist.mul(hasSemi).add(farthestNeg.mul(hasSemi.neg().add(1)));
        NDArray losses = dist.sub(chosen).add(margin).maximum(0).mul(positive);
        return losses.sum().div(positive.sum().maximum(1));
    }
}
