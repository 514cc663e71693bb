package org.songspace.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam with the same update as DJL's (its fused {@code adamUpdate}, bias-corrected learning rate), whose
 * state (both moments and the step count of every parameter) can be saved and restored. DJL's own Adam
 * keeps that state private, so a resumed run restarted the moments and the learning-rate schedule;
 * with this one {@code --resume} continues exactly where the checkpoint was taken.
 */
final class ResumableAdam extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final Tracker learningRate;
    private final Map<String, NDArray> means = new TreeMap<>();
    private final Map<String, NDArray> variances = new TreeMap<>();
    private final Map<String, Integer> steps = new TreeMap<>();
    /** DJL parameter ids are random per instance: checkpoints key the state by the parameter's path in the block. */
    private final Map<String, String> nameOfId = new HashMap<>();
    private final Map<String, String> idOfName = new HashMap<>();

    ResumableAdam(Tracker learningRate) {
        super(new Builder());
        this.learningRate = learningRate;
    }

    @Override
    public synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        double coef1 = 1.0 - Math.pow(BETA1, t);
        double coef2 = 1.0 - Math.pow(BETA2, t);
        float lr = learningRate.getNewValue(t);
        float corrected = (float) (lr * Math.sqrt(coef2) / coef1);
        NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight), lr,
                corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
    }

    /**
     * Updates every trainable parameter of {@code block} from its gradient: what {@code Trainer.step()} does
     * on one device, without its first-step check that refuses all-zero gradients (a resumed, nearly
     * converged triplet model legitimately meets a batch with zero loss).
     */
    void step(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray grad = weight.getGradient()) {
                    update(parameter.getId(), weight, grad);
                }
            }
        }
    }

    /** Learns the stable names of the block's parameters; call before {@link #save} or {@link #load}. */
    synchronized void bind(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            nameOfId.put(p.getValue().getId(), p.getKey());
            idOfName.put(p.getKey(), p.getValue().getId());
        }
    }

    /** Writes every parameter's step count and moments. */
    synchronized void save(DataOutputStream out) throws IOException {
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            out.writeUTF(require(nameOfId.get(e.getKey()), e.getKey()));
            out.writeInt(e.getValue());
            writeArray(out, means.get(e.getKey()));
            writeArray(out, variances.get(e.getKey()));
        }
    }

    /** Restores what {@link #save} wrote; the arrays live on {@code manager} (the trainer's). */
    synchronized void load(DataInputStream in, NDManager manager) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            String id = require(idOfName.get(name), name);
            steps.put(id, in.readInt());
            means.put(id, readArray(in, manager));
            variances.put(id, readArray(in, manager));
        }
    }

    private static String require(String mapped, String key) throws IOException {
        if (mapped == null) {
            throw new IOException("optimizer state names parameter '" + key + "', which the model does not have");
        }
        return mapped;
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return NDArray.decode(manager, bytes);
    }

    /** DJL's optimizer builder with its defaults (no weight decay, no clipping, no rescaling). */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
