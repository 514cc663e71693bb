package org.songspace.cli;

import java.util.List;
import org.songspace.compare.Comparison;
import org.songspace.map.Projection;
import org.songspace.model.EncoderType;
import org.songspace.train.TrainingOptions;
import org.songspace.vectors.Knn;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by compare and demo. */
final class ComparisonOptions {
    @Mixin
    TrainingFlags training = new TrainingFlags();

    @Option(names = "--models", defaultValue = "cae,triplet,crnn", split = ",",
            description = "Encoders to train, of cae, triplet, crnn, contrastive, or none (only the rows that need no "
                    + "training: baselines, the timbre model, the tag model) (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--k", defaultValue = "5", description = "k-NN neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold folds, 0 to skip (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--retrain-folds", defaultValue = "0",
            description = "Also train each model afresh on every fold of a k-fold split and score it on the fold's unseen "
                    + "tracks (honest cross-validation; k more trainings per model). 0 = off (default: ${DEFAULT-VALUE}).")
    int retrainFolds;

    @Option(names = "--mutual-proximity",
            description = "Rank every row's neighbours by mutual proximity (hubness reduction); the timbre row always is.")
    boolean mutualProximity;

    @Option(names = "--projection", defaultValue = "umap", description = "umap or pca (default: ${DEFAULT-VALUE}).")
    Projection.Method projection;

    @Option(names = "--train-on", defaultValue = "label",
            description = "What triplet and crnn learn from: label (the genres), or the files' own tags with no label typed "
                    + "by anyone: artist, album (default: ${DEFAULT-VALUE}). Scoring always uses the labels.")
    String trainOn;

    Comparison.Options toOptions(int quickSteps) {
        TrainingOptions.Builder builder = training.toBuilder();
        if (quickSteps > 0) {
            builder.stepsPerEpoch(quickSteps);
        }
        TrainingOptions trainingOptions = builder.build();
        Comparison.TrainOn on;
        try {
            on = Comparison.TrainOn.valueOf(trainOn.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.songspace.io.UserError("--train-on must be label, artist or album, got " + trainOn);
        }
        return new Comparison.Options(encoders(), trainingOptions, 0.15, 0.2, k, Knn.Metric.COSINE, folds, projection, retrainFolds,
                mutualProximity, on);
    }

    private List<EncoderType> encoders() {
        if (models.size() == 1 && models.get(0).strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<EncoderType> out = new java.util.ArrayList<>();
        for (String m : models) {
            try {
                out.add(EncoderType.parse(m));
            } catch (org.songspace.io.UserError e) {
                throw new org.songspace.io.UserError("--models: " + m + " is none of cae, triplet, crnn, contrastive, none", e);
            }
        }
        return out;
    }
}
