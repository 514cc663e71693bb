package org.songspace.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.util.Random;
import org.songspace.model.EncoderSpec;
import org.songspace.model.EncoderType;
import org.songspace.model.Normaliser;
import org.songspace.model.TripletLoss;

/** One training step: a batch from the sampler, forward, loss, backward, optimizer step. */
final class StepRunner {
    private final TrainingSampler sampler;
    private final EncoderType type;
    private final TrainingOptions options;
    private final ResumableAdam optimizer;
    private final TrainingSampler.Mode mode;
    private final SegmentAugmenter augmenter;
    private final CropMixer mixer;

    StepRunner(TrainingSampler sampler, EncoderType type, TrainingOptions options, ResumableAdam optimizer) {
        this.sampler = sampler;
        this.type = type;
        this.options = options;
        this.optimizer = optimizer;
        this.mode = Objectives.batches(type);
        this.augmenter = Objectives.augmenter(type, options);
        this.mixer = Objectives.mixer(type, options);
    }

    /** Loads the epoch's tracks (a fresh sample when the training set exceeds memory). */
    void startEpoch(Random random) throws IOException {
        sampler.loadEpoch(random);
    }

    /** A batch's loss and, for triplet models, the share of its anchors with a loss above zero (else NaN). */
    record StepResult(double loss, double activeTriplets) {
    }

    /** Trains on one batch. */
    StepResult step(Trainer trainer, Random random, EncoderSpec spec, Normaliser normaliser) {
        TrainingSampler.Batch batch = sampler.next(random, options.labelsPerBatch(), options.segmentsPerLabel(), mode,
                augmenter);
        if (mixer != null) {
            mixer.apply(batch, spec.nMels() * spec.frames(), random);
        }
        normaliser.apply(batch.data(), batch.size(), spec.frames());
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.create(batch.data(), new Shape(batch.size(), 1, spec.nMels(), spec.frames()));
            NDList labels = type == EncoderType.CAE ? new NDList(x) : new NDList(scope.create(batch.labels()));
            double value;
            double active = Double.NaN;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray lossValue = trainer.getLoss().evaluate(labels, predictions);
                collector.backward(lossValue);
                value = lossValue.getFloat();
                if (trainer.getLoss() instanceof TripletLoss triplet) {
                    active = triplet.activeFraction(labels, predictions);
                }
            }
            optimizer.step(trainer.getModel().getBlock());
            return new StepResult(value, active);
        }
    }
}
