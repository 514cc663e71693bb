package org.songspace.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import org.songspace.model.EncoderSpec;
import org.songspace.model.EncoderType;
import org.songspace.model.Encoders;
import org.songspace.model.TorchRuntime;

/** Times training steps and inference of one encoder on random input, for {@code songspace bench train}. */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    /** Median-free simple timing: mean ms per training step and per inference batch after warm-up. */
    public record Result(EncoderType type, long parameters, int batch, double msPerStep, double msPerInferenceBatch) {
    }

    public static Result run(EncoderType type, int batch, int steps, int warmup) {
        TorchRuntime.configure();
        Engine.getEngine("PyTorch").setRandomSeed(1);
        EncoderSpec spec = EncoderSpec.defaults(type, 128, 130);
        Loss loss = Objectives.loss(type, spec, TrainingOptions.defaults());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(Adam.builder().build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("bench-" + type.id(), Device.cpu())) {
            model.setBlock(Encoders.build(spec));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 1, 128, 130));
                long params = model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
                int[] labels = new int[batch];
                for (int i = 0; i < batch; i++) {
                    labels[i] = i / 4;
                }
                long total = 0;
                for (int s = 0; s < warmup + steps; s++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray x = scope.randomNormal(new Shape(batch, 1, 128, 130));
                        NDList target = type == EncoderType.CAE ? new NDList(x) : new NDList(scope.create(labels));
                        long t0 = System.nanoTime();
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray l = trainer.getLoss().evaluate(target, trainer.forward(new NDList(x)));
                            gc.backward(l);
                        }
                        trainer.step();
                        if (s >= warmup) {
                            total += System.nanoTime() - t0;
                        }
                    }
                }
                long inference = 0;
                ParameterStore ps = new ParameterStore(trainer.getManager(), false);
                for (int s = 0; s < warmup + steps; s++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray x = scope.randomNormal(new Shape(batch, 1, 128, 130));
                        long t0 = System.nanoTime();
                        model.getBlock().forward(ps, new NDList(x), false).get(0).toFloatArray();
                        if (s >= warmup) {
                            inference += System.nanoTime() - t0;
                        }
                    }
                }
                return new Result(type, params, batch, total / 1e6 / steps, inference / 1e6 / steps);
            }
        }
    }
}
