package org.songspace.train;

import org.songspace.model.SavedModel;
import org.songspace.model.TripletLoss;
import org.songspace.io.UserError;

/**
 * How to train. {@link #defaults()}: 30 epochs; batches of 8 labels x 4 segments (32); Adam with the
 * learning rate following a cosine from 1e-3 to 1e-5 over the run; triplet margin 0.3 with batch-hard
 * mining; early stop after 8 epochs without a better validation k-NN accuracy (k = 5, cosine);
 * augmentation on; seed 42; CPU.
 */
public record TrainingOptions(int epochs, int labelsPerBatch, int segmentsPerLabel, float learningRate,
                              float finalLearningRate, float margin, TripletLoss.Mining mining, int patience,
                              long seed, boolean augment, int kNeighbours, int maxTracksInMemory,
                              int embeddingDim, String device, int stepsPerEpoch) {

    public TrainingOptions {
        if (epochs <= 0 || labelsPerBatch <= 0 || segmentsPerLabel <= 0 || patience <= 0 || kNeighbours <= 0) {
            throw new UserError("epochs, batch sizes, patience and k must be positive");
        }
        if (labelsPerBatch * segmentsPerLabel < 2) {
            throw new UserError("a batch needs at least 2 segments");
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0) || !(margin > 0)) {
            throw new UserError("learning rates and margin must be positive");
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(30, 8, 4, 1e-3f, 1e-5f, 0.3f, TripletLoss.Mining.BATCH_HARD, 8, 42, true, 5,
                1500, 128, "cpu", 0);
    }

    public int batchSize() {
        return labelsPerBatch * segmentsPerLabel;
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(n, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin, mining,
                patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                mining, patience, s, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    /** Fixed steps per epoch (0 = enough batches to see each training segment about once). */
    public TrainingOptions withStepsPerEpoch(int steps) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                mining, patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, steps);
    }

    public TrainingOptions withBatch(int labels, int perLabel) {
        return new TrainingOptions(epochs, labels, perLabel, learningRate, finalLearningRate, margin, mining, patience,
                seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    public TrainingOptions withPatience(int p) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                mining, p, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    public TrainingOptions withMining(TripletLoss.Mining m, float newMargin) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, newMargin,
                m, patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    public TrainingOptions withLearningRate(float lr) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, lr, Math.min(finalLearningRate, lr), margin,
                mining, patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    public TrainingOptions withDevice(String d) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                mining, patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, d, stepsPerEpoch);
    }

    public TrainingOptions withAugment(boolean a) {
        return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                mining, patience, seed, a, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch);
    }

    SavedModel.TrainingSettings toRecord() {
        return new SavedModel.TrainingSettings(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate,
                margin, mining.name().toLowerCase(java.util.Locale.ROOT), patience, seed, augment, kNeighbours, device);
    }
}
