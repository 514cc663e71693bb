package org.songspace.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Split;
import org.songspace.dataset.SplitFiles;
import org.songspace.dataset.Splitter;
import org.songspace.embed.Embedder;
import org.songspace.eval.Baselines;
import org.songspace.eval.Evaluation;
import org.songspace.eval.EvaluationResult;
import org.songspace.eval.Hubness;
import org.songspace.eval.LabeledVectors;
import org.songspace.features.FeatureStore;
import org.songspace.features.SummaryFeatures;
import org.songspace.io.Json;
import org.songspace.map.Projection;
import org.songspace.map.ScatterPlot;
import org.songspace.model.EncoderType;
import org.songspace.model.SavedModel;
import org.songspace.report.ReportWriter;
import org.songspace.train.EncoderTrainer;
import org.songspace.train.TrainingListener;
import org.songspace.train.TrainingOptions;
import org.songspace.train.TrainingRequest;
import org.songspace.vectors.EmbeddingSet;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.Knn;

/**
 * Trains the three encoders on one split, embeds every track with each saved model, adds the two
 * baselines (mean log-mel, MFCC mean/std), evaluates all of them the same way and writes
 * {@code report.html}, {@code metrics.json}, the maps ({@code maps/*.png}), the models, the embeddings
 * and the split into one folder.
 */
public final class Comparison {
    /** What to compare and how. */
    /**
     * @param retrainFolds when > 0, each learned model is also trained afresh on every fold of a k-fold split
     *                     and scored on that fold's unseen tracks: the honest cross-validated figure, which
     *                     then replaces the k-fold column for learned models (costs k more trainings each)
     * @param mutualProximity rank every learned and baseline row's neighbours by mutual proximity (hubness
     *                     reduction; the timbre row always is)
     */
    public record Options(List<EncoderType> models, TrainingOptions training, double validShare, double testShare,
                          int k, Knn.Metric metric, int folds, Projection.Method projection, int retrainFolds,
                          boolean mutualProximity, TrainOn trainOn) {
    }

    /**
     * What the label-using encoders learn from: the labels (genres), or what the files' tags say - the
     * artist, or the album - with no label typed by anyone; a track without that tag is its own group (its
     * crops are its positives). Scoring always uses the labels.
     */
    public enum TrainOn { LABEL, ARTIST, ALBUM }

    /** The tag model's row. */
    static final String TAGS = "tags-artist";

    private final Dataset dataset;
    private final FeatureStore store;
    private final Map<String, String> labels;
    private final Map<String, String> artists;
    private final Map<String, String> trainingLabels;
    private final Options options;
    private final Consumer<String> log;

    public Comparison(Dataset dataset, FeatureStore store, Options options, Consumer<String> log) {
        this.dataset = dataset;
        this.store = store;
        this.options = options;
        this.log = log;
        this.labels = dataset.labelsById();
        this.artists = dataset.artistsById();
        this.trainingLabels = trainingLabels(dataset, options.trainOn());
    }

    /** {@code metrics.json}: the exact configuration and every compared model's figures. */
    record Metrics(RunConfig config, List<ModelMetrics> models) {
    }

    record RunConfig(String dataset, String layout, int tracks, Map<String, Integer> labels, String split,
                     org.songspace.features.FeatureConfig features, org.songspace.train.TrainingOptions training,
                     EvaluationConfig evaluation) {
    }

    record EvaluationConfig(int k, String metric, boolean mutualProximity, int folds, String projection) {
    }

    record ModelMetrics(String name, String kind, double trainingSeconds, int bestEpoch, String map,
                        EvaluationResult evaluation) {
    }

    public Path run(Path out, TrainingListener listener) throws IOException {
        return run(out, listener, null);
    }

    /**
     * Runs the comparison on {@code given} (published or saved split lists) as the holdout split, or on a
     * new leak-free split when it is null; k-fold figures always use folds made over every track.
     */
    public Path run(Path out, TrainingListener listener, Split given) throws IOException {
        dataset.requireLabels("compare");
        long seed = options.training().seed();
        Split split = given != null ? given : Splitter.leakFree(dataset, options.validShare(), options.testShare(), seed);
        SplitFiles.write(split, dataset, out.resolve("split"));
        log.accept(String.format(Locale.ROOT, "split: %d train / %d valid / %d test tracks (%s)", split.train().size(),
                split.valid().size(), split.test().size(), split.method()));
        // k-NN reference = train + valid tracks; held out = test.
        List<String> reference = new ArrayList<>(split.train());
        reference.addAll(split.valid());
        Split evaluationSplit = new Split(split.method() + "; reference = train + valid", reference, List.of(), split.test());
        List<String> ids = dataset.tracks().stream().map(t -> t.id()).toList();

        List<ReportWriter.Row> rows = new ArrayList<>();
        for (EncoderType type : options.models()) {
            log.accept("training " + type.id() + " ...");
            Path modelDir = out.resolve("models").resolve(type.id());
            long t0 = System.nanoTime();
            SavedModel model = new EncoderTrainer(new TrainingRequest(store, split, trainingLabels, type, options.training(),
                    modelDir, false, dataset.root().toString(), artists), listener).run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            EmbeddingSet set = embed(modelDir, ids);
            set.write(out.resolve("embeddings").resolve(type.id() + ".npy"));
            String name = options.trainOn() == TrainOn.LABEL || !type.usesLabels() ? type.id()
                    : type.id() + "-" + options.trainOn().name().toLowerCase(Locale.ROOT) + "-tags";
            ReportWriter.Row row = evaluate(name, "learned (" + describe(type) + ")", set, evaluationSplit, seconds,
                    model.bestEpoch(), out);
            if (options.retrainFolds() >= 2) {
                row = crossValidated(row, type, out, listener);
            }
            rows.add(row);
        }
        for (EmbeddingSet baseline : List.of(Baselines.meanLogMel(store, ids, labels, artists),
                Baselines.mfccStats(store, ids, labels, artists))) {
            baseline.write(out.resolve("embeddings").resolve(baseline.modelId() + ".npy"));
            rows.add(evaluate(baseline.modelId(), baseline.modelId().contains("mfcc") ? "baseline (timbre summary)"
                    : "baseline (raw spectrogram)", baseline, evaluationSplit, 0, 0, out));
        }
        rows.add(timbre(ids, evaluationSplit, out));
        if (org.songspace.embed.TagModel.artistsWithTwoTracks(ids, artists) >= org.songspace.index.LabelFreeModel.MIN_ARTISTS) {
            rows.add(tagModel(ids, evaluationSplit, out));
        }
        RunConfig config = new RunConfig(dataset.root().toString(), dataset.layout().displayName(), ids.size(),
                dataset.countsByLabel(), split.method(), store.config(), options.training(),
                new EvaluationConfig(options.k(), options.metric().name().toLowerCase(Locale.ROOT), options.mutualProximity(),
                        options.folds(),
                        options.projection().name().toLowerCase(Locale.ROOT)));
        Metrics metrics = new Metrics(config, rows.stream().map(r -> new ModelMetrics(r.name(), r.kind(),
                r.trainingSeconds(), r.bestEpoch(), r.mapFile(), r.result())).toList());
        Json.write(out.resolve("metrics.json"), metrics);
        Path report = out.resolve("report.html");
        ReportWriter.write(report, "songspace comparison", dataset.root() + " - " + ids.size() + " tracks, "
                + dataset.labels().size() + " labels", rows, Json.mapper().writeValueAsString(config));
        return report;
    }

    /**
     * Trains {@code type} once per fold (early stopping on a slice of the fold's training tracks) and
     * classifies the fold's held-out tracks with the fold's training tracks as reference.
     */
    private static Map<String, String> trainingLabels(Dataset dataset, TrainOn trainOn) {
        if (trainOn == TrainOn.LABEL) {
            return dataset.labelsById();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (org.songspace.dataset.Track t : dataset.tracks()) {
            String artist = t.artist();
            String group = artist == null ? "track:" + t.id()
                    : trainOn == TrainOn.ARTIST || t.album() == null ? "artist:" + artist : "album:" + artist + "\u0000" + t.album();
            out.put(t.id(), group);
        }
        return out;
    }

    private ReportWriter.Row crossValidated(ReportWriter.Row row, EncoderType type, Path out, TrainingListener listener)
            throws IOException {
        long seed = options.training().seed();
        List<org.songspace.dataset.Fold> folds = Splitter.leakFreeKFold(dataset, options.retrainFolds(), seed);
        double[] accuracies = new double[folds.size()];
        for (org.songspace.dataset.Fold fold : folds) {
            Dataset trainPart = new Dataset(dataset.root(), dataset.layout(),
                    dataset.tracks().stream().filter(t -> fold.train().contains(t.id())).toList());
            Split inner = Splitter.leakFree(trainPart, options.validShare(), 0, seed);
            Path dir = out.resolve("cross-validation").resolve(type.id()).resolve("fold-" + fold.index());
            log.accept("  " + type.id() + " fold " + (fold.index() + 1) + "/" + folds.size() + ": training on "
                    + fold.train().size() + " tracks");
            new EncoderTrainer(new TrainingRequest(store, new Split(inner.method(), inner.train(), inner.valid(), List.of()),
                    trainingLabels, type, options.training(), dir, false, dataset.root().toString(), artists), listener).run();
            List<String> needed = new ArrayList<>(fold.train());
            needed.addAll(fold.test());
            LabeledVectors data = LabeledVectors.of(embed(dir, needed), labels);
            accuracies[fold.index()] = new org.songspace.eval.KnnEvaluator(options.k(), options.metric(), options.mutualProximity())
                    .holdout(data, fold.train(), fold.test()).accuracy();
        }
        double mean = java.util.Arrays.stream(accuracies).average().orElse(Double.NaN);
        double std = Math.sqrt(java.util.Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).average().orElse(0));
        EvaluationResult r = row.result();
        EvaluationResult replaced = new EvaluationResult(r.name(), r.tracks(), r.dimension(), r.k(), r.metric(),
                r.splitMethod(), r.holdout(), new org.songspace.eval.KnnEvaluator.FoldSummary(mean, std, accuracies),
                r.retrieval(), r.silhouette());
        log.accept(String.format(Locale.ROOT, "%-22s %d-fold, retrained per fold: %.3f +- %.3f", type.id(), folds.size(), mean, std));
        return new ReportWriter.Row(row.name(), row.kind() + ", k-fold retrained per fold", replaced, row.trainingSeconds(),
                row.bestEpoch(), row.mapFile());
    }

    private static String describe(EncoderType type) {
        return switch (type) {
            case CAE -> "conv autoencoder";
            case TRIPLET -> "conv + triplet loss";
            case CRNN -> "conv + GRU, triplet loss";
            case CONTRASTIVE -> "conv, self-supervised contrast (no labels)";
        };
    }

    private EmbeddingSet embed(Path modelDir, List<String> ids) throws IOException {
        try (Embedder embedder = Embedder.open(modelDir)) {
            return embedder.embedTracks(store, ids, labels, artists, () -> { });
        }
    }

    /**
     * The classic timbre model, evaluated with its own distance (Jensen-Shannon, then mutual proximity);
     * its map is drawn from the Gaussians' means. Hubness is logged with and without mutual proximity.
     */
    private ReportWriter.Row timbre(List<String> ids, Split split, Path out) throws IOException {
        EmbeddingSet set = Baselines.timbre(store, ids, labels, artists);
        set.write(out.resolve("embeddings").resolve(set.modelId() + ".npy"));
        LabeledVectors data = LabeledVectors.of(set, labels);
        double before = Hubness.kOccurrenceSkewness(data.vectors(), options.k(), Knn.Metric.GAUSSIAN_JS, false);
        double after = Hubness.kOccurrenceSkewness(data.vectors(), options.k(), Knn.Metric.GAUSSIAN_JS, true);
        log.accept(String.format(Locale.ROOT, "%-22s hubness (k-occurrence skewness, k=%d): %.2f raw, %.2f with mutual "
                + "proximity", Baselines.TIMBRE, options.k(), before, after));
        EvaluationResult result = Evaluation.run(Baselines.TIMBRE, data, split, options.k(), Knn.Metric.GAUSSIAN_JS, true,
                options.folds(), artists, options.training().seed());
        int d = GaussianTimbre.dimensionOf(data.dimension());
        float[][] means = new float[data.size()][];
        for (int i = 0; i < means.length; i++) {
            means[i] = java.util.Arrays.copyOf(data.vectors()[i], d);
        }
        SummaryFeatures.standardise(means);
        return drawAndLog(Baselines.TIMBRE, "classic timbre model (Gaussian of 25 MFCCs, Jensen-Shannon, mutual proximity)",
                result, means, data, 0, 0, out);
    }

    /**
     * The model the library's artist tags teach ({@link org.songspace.embed.TagModel}), ranked by mutual proximity:
     * its holdout model is fitted on the holdout's reference tracks, its k-fold figure is always one model per fold.
     */
    private ReportWriter.Row tagModel(List<String> ids, Split split, Path out) throws IOException {
        TagModelFolds folds = new TagModelFolds(ids, org.songspace.embed.TagModel.descriptors(store, ids), labels, artists);
        EmbeddingSet set = folds.embedFittedOn(split.train());
        set.write(out.resolve("embeddings").resolve(TAGS + ".npy"));
        LabeledVectors data = LabeledVectors.of(set, labels);
        EvaluationResult holdout = Evaluation.run(TAGS, data, split, options.k(), options.metric(), true, 0, artists,
                options.training().seed());
        int k = Math.max(options.folds(), options.retrainFolds());
        TagModelFolds.Result r = folds.run(Splitter.leakFreeKFold(dataset, Math.max(2, k), options.training().seed()),
                options.k(), options.metric(), log);
        log.accept(String.format(Locale.ROOT, "%-22s %d-fold, fitted per fold: %.3f +- %.3f with mutual proximity, %.3f +- %.3f "
                        + "without", TAGS, r.plain().accuracies().length, r.rankedByMutualProximity().mean(),
                r.rankedByMutualProximity().std(), r.plain().mean(), r.plain().std()));
        EvaluationResult result = new EvaluationResult(holdout.name(), holdout.tracks(), holdout.dimension(), holdout.k(),
                holdout.metric(), holdout.splitMethod(), holdout.holdout(), r.rankedByMutualProximity(), holdout.retrieval(),
                holdout.silhouette());
        return drawAndLog(TAGS, "learned from artist tags (descriptors + discriminant, no labels), mutual proximity, "
                + "k-fold fitted per fold", result, data.vectors(), data, 0, 0, out);
    }

    private ReportWriter.Row evaluate(String name, String kind, EmbeddingSet set, Split split, double seconds, int bestEpoch,
                                      Path out) throws IOException {
        LabeledVectors data = LabeledVectors.of(set, labels);
        EvaluationResult result = Evaluation.run(name, data, split, options.k(), options.metric(), options.mutualProximity(),
                options.folds(), artists, options.training().seed());
        return drawAndLog(name, kind, result, data.vectors(), data, seconds, bestEpoch, out);
    }

    private ReportWriter.Row drawAndLog(String name, String kind, EvaluationResult result, float[][] forMap,
                                        LabeledVectors data, double seconds, int bestEpoch, Path out) throws IOException {
        float[][] xy = Projection.project(forMap, options.projection(), 2, options.training().seed());
        String mapFile = "maps/" + name + ".png";
        ScatterPlot.write(out.resolve(mapFile), name + " - " + options.projection().name() + " map, holdout k-NN "
                + String.format(Locale.ROOT, "%.2f", result.holdout().accuracy()), xy, data.labels(), data.labelNames(), 900, 640);
        log.accept(String.format(Locale.ROOT, "%-22s holdout k-NN %.3f  %s  mAP %.3f", name, result.holdout().accuracy(),
                result.folds() == null ? "" : String.format(Locale.ROOT, "%d-fold %.3f +- %.3f", result.folds().accuracies().length,
                        result.folds().mean(), result.folds().std()), result.retrieval().meanAveragePrecision()));
        return new ReportWriter.Row(name, kind, result, seconds, bestEpoch, mapFile);
    }
}
