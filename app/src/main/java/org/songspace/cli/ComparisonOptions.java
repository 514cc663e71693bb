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

    @Option(names = "--normalisation", defaultValue = "per_band",
            description = "Input standardisation, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Normalisation normalisation;

    @Option(names = "--lr", defaultValue = "0.001", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

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

    Comparison.Options toOptions(int stepsPerEpoch) {
        TrainingOptions training = TrainingOptions.builder().epochs(epochs).patience(patience).seed(seed)
                .stepsPerEpoch(stepsPerEpoch).mining(mining).margin(margin).normalisation(normalisation).learningRate(lr).build();
        return new Comparison.Options(List.copyOf(models), training, 0.15, 0.2, k, Knn.Metric.COSINE, folds, projection, retrainFolds);
    }
}
