package org.songspace.cli;

import org.songspace.model.TripletLoss;
import org.songspace.train.TrainingOptions;
import picocli.CommandLine.Option;

/**
 * The training flags of train, compare and demo, in one place; {@link #toBuilder()} turns them into options.
 * Every default is {@link TrainingOptions#defaults()}'s own (picocli shows a field's initial value as its
 * default), so the flags, the builder and model.json cannot disagree.
 */
final class TrainingFlags {
    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

    @Option(names = "--epochs", description = "Epochs (at most, with --keep best); 0 = 20, or for "
            + "contrastive a budget of about 28,000 crops whatever the library's size (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--seed", description = "Seed for split, initialisation, sampling and maps (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--objective", description = "What triplet and crnn learn from, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Objective objective = DEFAULTS.objective();

    @Option(names = "--temperature", description = "Temperature of the contrastive losses, SupCon and NT-Xent (default: ${DEFAULT-VALUE}).")
    float temperature = DEFAULTS.temperature();

    @Option(names = "--mining", description = "Triplet mining (--objective triplet), ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TripletLoss.Mining mining = DEFAULTS.mining();

    @Option(names = "--margin", description = "Triplet margin (default: ${DEFAULT-VALUE}).")
    float margin = DEFAULTS.margin();

    @Option(names = "--labels-per-batch", description = "P in P x K batches (default: ${DEFAULT-VALUE}).")
    int labelsPerBatch = DEFAULTS.labelsPerBatch();

    @Option(names = "--segments-per-label", description = "K in P x K batches: K different tracks of each label (default: ${DEFAULT-VALUE}).")
    int segmentsPerLabel = DEFAULTS.segmentsPerLabel();

    @Option(names = "--lr", description = "Initial learning rate, cosine-decayed to --final-lr (default: ${DEFAULT-VALUE}).")
    float lr = DEFAULTS.learningRate();

    @Option(names = "--final-lr", description = "Learning rate at the end of the cosine schedule; = --lr for a constant rate (default: ${DEFAULT-VALUE}).")
    float finalLr = DEFAULTS.finalLearningRate();

    @Option(names = "--steps-per-epoch", description = "Batches per epoch; 0 = two crops of every training track (triplet, crnn, contrastive; "
                    + "contrastive past 700 tracks: 44) or one pass over the segments (cae).")
    int stepsPerEpoch = DEFAULTS.stepsPerEpoch();

    @Option(names = "--keep", description = "Which epoch to keep, ${COMPLETION-CANDIDATES}: the best validation score (with early stop), the last, "
                    + "or auto: the last for triplet and crnn, the best for cae (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Keep keep = DEFAULTS.keep();

    @Option(names = "--patience", description = "With --keep best: epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience = DEFAULTS.patience();

    @Option(names = "--normalisation", description = "Input standardisation, ${COMPLETION-CANDIDATES}: auto is global for triplet and crnn, "
                    + "per_band for cae (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Normalisation normalisation = DEFAULTS.normalisation();

    @Option(names = "--crop-seconds", paramLabel = "SECONDS",
            description = "Length of each training crop and of each segment the model embeds (default: ${DEFAULT-VALUE}).")
    float cropSeconds = DEFAULTS.cropSeconds();

    @Option(names = "--pooling", description = "How the encoder pools its features into one vector, ${COMPLETION-CANDIDATES}: "
            + "over frequency and time (crnn: over time); auto is average_max for triplet, average for the others "
            + "(default: ${DEFAULT-VALUE}).")
    TrainingOptions.PoolingChoice pooling = DEFAULTS.pooling();

    @Option(names = "--mixup", paramLabel = "CHANCE",
            description = "triplet and crnn: chance that a training crop is blended in power with "
                    + "another crop of its label in the batch, weighted 0.5-1 to itself; 0 = never (default: ${DEFAULT-VALUE}).")
    float mixup = DEFAULTS.mixup();

    @Option(names = "--descriptor-axes", description = "triplet and crnn: set linear axes beside the encoder's vector, "
            + "discriminants between the labels (and the artists, when 20 or more name two tracks) over a fixed track "
            + "descriptor, ${COMPLETION-CANDIDATES}: auto is yes for both (default: ${DEFAULT-VALUE}).")
    TrainingOptions.DescriptorChoice descriptorAxes = DEFAULTS.descriptorAxes();

    @Option(names = "--no-augment", description = "Turn off gain, time-mask and frequency-mask augmentation.")
    boolean noAugment;

    TrainingOptions.Builder toBuilder() {
        return TrainingOptions.builder().epochs(epochs).seed(seed).objective(objective).temperature(temperature)
                .mining(mining).margin(margin).batch(labelsPerBatch, segmentsPerLabel).learningRate(lr)
                .finalLearningRate(Math.min(finalLr, lr)).stepsPerEpoch(stepsPerEpoch).keep(keep).patience(patience)
                .normalisation(normalisation).augment(!noAugment).cropSeconds(cropSeconds).pooling(pooling).mixup(mixup)
                .descriptorAxes(descriptorAxes);
    }
}
