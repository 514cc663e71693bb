package org.songspace.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.songspace.dataset.Fold;
import org.songspace.embed.Discriminant;
import org.songspace.embed.TagModel;
import org.songspace.eval.KnnEvaluator;
import org.songspace.eval.LabeledVectors;
import org.songspace.vectors.Distance;
import org.songspace.vectors.EmbeddingDiagnostics;
import org.songspace.vectors.EmbeddingSet;

/**
 * The tag model's honest figure: one model fitted per fold on that fold's training tracks and their artist
 * tags (seconds each), the fold's unseen artists classified against them. Fitting on every track once and
 * folding afterwards would let each fold's test artists shape the axes.
 */
final class TagModelFolds {
    /** A fold figure with and without mutual proximity, and the fold models' collapse diagnostics on their test tracks. */
    record Result(KnnEvaluator.FoldSummary rankedByMutualProximity, KnnEvaluator.FoldSummary plain,
                  List<EmbeddingDiagnostics> diagnostics) {
    }

    private final List<String> ids;
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final List<float[]> descriptors;
    private final Map<String, String> labels;
    private final Map<String, String> artists;

    TagModelFolds(List<String> ids, List<float[]> descriptors, Map<String, String> labels, Map<String, String> artists) {
        this.ids = ids;
        this.descriptors = descriptors;
        this.labels = labels;
        this.artists = artists;
        for (int i = 0; i < ids.size(); i++) {
            rowOf.put(ids.get(i), i);
        }
    }

    /** Every track embedded by a model fitted on {@code trainIds} only. */
    EmbeddingSet embedFittedOn(List<String> trainIds) {
        Discriminant d = TagModel.fit(trainIds, artists, id -> descriptors.get(rowOf.get(id)));
        float[][] vectors = new float[ids.size()][];
        List<EmbeddingSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = d.apply(descriptors.get(i));
            entries.add(new EmbeddingSet.Entry(ids.get(i), ids.get(i), labels.get(ids.get(i)), artists.get(ids.get(i))));
        }
        return new EmbeddingSet("tags-artist", entries, vectors);
    }

    Result run(List<Fold> folds, int k, Distance metric, Consumer<String> log) {
        double[] ranked = new double[folds.size()];
        double[] plain = new double[folds.size()];
        List<EmbeddingDiagnostics> diagnostics = new ArrayList<>();
        for (Fold fold : folds) {
            LabeledVectors data = LabeledVectors.of(embedFittedOn(fold.train()), labels);
            ranked[fold.index()] = new KnnEvaluator(k, metric, true).holdout(data, fold.train(), fold.test()).accuracy();
            plain[fold.index()] = new KnnEvaluator(k, metric, false).holdout(data, fold.train(), fold.test()).accuracy();
            float[][] test = data.subset(fold.test()).vectors();
            EmbeddingDiagnostics diag = EmbeddingDiagnostics.of(test);
            diagnostics.add(diag);
            log.accept(String.format(Locale.ROOT, "  tags fold %d/%d: fitted on %d tracks, k-NN %.3f (mutual proximity) / %.3f "
                            + "(plain); test tracks' mean cosine %.3f, effective rank %.1f", fold.index() + 1, folds.size(),
                    fold.train().size(), ranked[fold.index()], plain[fold.index()], diag.meanPairwiseCosine(),
                    diag.effectiveRank()));
        }
        return new Result(summary(ranked), summary(plain), diagnostics);
    }

    private static KnnEvaluator.FoldSummary summary(double[] accuracies) {
        double mean = Arrays.stream(accuracies).average().orElse(Double.NaN);
        double std = Math.sqrt(Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).average().orElse(0));
        return new KnnEvaluator.FoldSummary(mean, std, accuracies);
    }
}
