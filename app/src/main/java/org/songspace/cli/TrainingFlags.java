package org.songspace.cli;

import org.songspace.model.TripletLoss;
import org.songspace.train.TrainingOptions;
import picocli.CommandLine.Option;

/** The training flags of train, compare and demo, in one place; {@link #toBuilder()} turns them into options. */
final class TrainingFlags {
    @Option(names = "--epochs", defaultValue = "0", description = "Epochs (at most, with --keep best); 0 = 20, or for "
            + "contrastive 20-60 by library size (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for split, initialisation, sampling and maps (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--objective", defaultValue = "supcon",
            description = "What triplet and crnn learn from, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Objective objective;

    @Option(names = "--temperature", defaultValue = "0.1", description = "Temperature of the contrastive losses, SupCon and NT-Xent (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--mining", defaultValue = "batch_hard",
            description = "Triplet mining (--objective triplet), ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TripletLoss.Mining mining;

    @Option(names = "--margin", defaultValue = "0.3", description = "Triplet margin (default: ${DEFAULT-VALUE}).")
    float margin;

    @Option(names = "--labels-per-batch", defaultValue = "8", description = "P in P x K batches (default: ${DEFAULT-VALUE}).")
    int labelsPerBatch;

    @Option(names = "--segments-per-label", defaultValue = "4",
            description = "K in P x K batches: K different tracks of each label (default: ${DEFAULT-VALUE}).")
    int segmentsPerLabel;

    @Option(names = "--lr", defaultValue = "0.001", description = "Initial learning rate, cosine-decayed to --final-lr (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--final-lr", defaultValue = "1e-5",
            description = "Learning rate at the end of the cosine schedule; = --lr for a constant rate (default: ${DEFAULT-VALUE}).")
    float finalLr;

    @Option(names = "--steps-per-epoch", defaultValue = "0",
            description = "Batches per epoch; 0 = two crops of every training track (triplet, crnn, contrastive) or one pass over the segments (cae).")
    int stepsPerEpoch;

    @Option(names = "--keep", defaultValue = "auto",
            description = "Which epoch to keep, ${COMPLETION-CANDIDATES}: the best validation score (with early stop), the last, "
                    + "or auto: the last for triplet and crnn, the best for cae (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Keep keep;

    @Option(names = "--patience", defaultValue = "8",
            description = "With --keep best: epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--normalisation", defaultValue = "auto",
            description = "Input standardisation, ${COMPLETION-CANDIDATES}: auto is global for triplet and crnn, "
                    + "per_band for cae (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Normalisation normalisation;

    @Option(names = "--no-augment", description = "Turn off gain, time-mask and frequency-mask augmentation.")
    boolean noAugment;

    TrainingOptions.Builder toBuilder() {
        return TrainingOptions.builder().epochs(epochs).seed(seed).objective(objective).temperature(temperature)
                .mining(mining).margin(margin).batch(labelsPerBatch, segmentsPerLabel).learningRate(lr)
                .finalLearningRate(Math.min(finalLr, lr)).stepsPerEpoch(stepsPerEpoch).keep(keep).patience(patience)
                .normalisation(normalisation).augment(!noAugment);
    }
}
