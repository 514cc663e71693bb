package org.songspace.cli;

import java.util.List;
import org.songspace.compare.Comparison;
import org.songspace.map.Projection;
import org.songspace.model.EncoderType;
import org.songspace.train.TrainingOptions;
import org.songspace.vectors.Knn;
import picocli.CommandLine.Option;

/** Options shared by compare and demo. */
final class ComparisonOptions {
    @Option(names = "--epochs", defaultValue = "20", description = "Maximum epochs per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "6", description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for split, training and maps (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", defaultValue = "cae,triplet,crnn", split = ",",
            description = "Models to train, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<EncoderType> models;

    @Option(names = "--mining", defaultValue = "batch_hard", description = "Triplet mining: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    org.songspace.model.TripletLoss.Mining mining;

    @Option(names = "--margin", defaultValue = "0.3", description = "Triplet margin (default: ${DEFAULT-VALUE}).")
    float margin;

    @Option(names = "--normalisation", defaultValue = "global",
            description = "Input standardisation, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Normalisation normalisation;

    @Option(names = "--lr", defaultValue = "0.001", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--final-lr", defaultValue = "1e-5",
            description = "Learning rate at the end of the cosine schedule; = --lr for a constant rate (default: ${DEFAULT-VALUE}).")
    float finalLr;

    @Option(names = "--labels-per-batch", defaultValue = "8", description = "P in P x K batches (default: ${DEFAULT-VALUE}).")
    int labelsPerBatch;

    @Option(names = "--segments-per-label", defaultValue = "4", description = "K in P x K batches: K different tracks (default: ${DEFAULT-VALUE}).")
    int segmentsPerLabel;

    @Option(names = "--steps-per-epoch", defaultValue = "0",
            description = "Batches per epoch; 0 = two crops of every training track (triplet, crnn) or one pass over the segments (cae).")
    int stepsPerEpoch;

    @Option(names = "--keep", defaultValue = "auto",
            description = "Which epoch to keep, ${COMPLETION-CANDIDATES}: the best validation score (with early stop), the last, "
                    + "or auto: the last for triplet and crnn, the best for cae (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Keep keep;

    @Option(names = "--objective", defaultValue = "supcon",
            description = "What triplet and crnn learn from, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Objective objective;

    @Option(names = "--temperature", defaultValue = "0.1", description = "SupCon temperature (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--no-augment", description = "Turn off gain, time-mask and frequency-mask augmentation.")
    boolean noAugment;

    @Option(names = "--k", defaultValue = "5", description = "k-NN neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold folds, 0 to skip (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--retrain-folds", defaultValue = "0",
            description = "Also train each model afresh on every fold of a k-fold split and score it on the fold's unseen "
                    + "tracks (honest cross-validation; k more trainings per model). 0 = off (default: ${DEFAULT-VALUE}).")
    int retrainFolds;

    @Option(names = "--projection", defaultValue = "umap", description = "umap or pca (default: ${DEFAULT-VALUE}).")
    Projection.Method projection;

    Comparison.Options toOptions(int quickSteps) {
        TrainingOptions training = TrainingOptions.builder().epochs(epochs).patience(patience).seed(seed)
                .stepsPerEpoch(quickSteps > 0 ? quickSteps : stepsPerEpoch).mining(mining).margin(margin).normalisation(normalisation)
                .learningRate(lr).finalLearningRate(Math.min(finalLr, lr)).batch(labelsPerBatch, segmentsPerLabel).keep(keep)
                .augment(!noAugment).objective(objective).temperature(temperature).build();
        return new Comparison.Options(List.copyOf(models), training, 0.15, 0.2, k, Knn.Metric.COSINE, folds, projection, retrainFolds);
    }
}
