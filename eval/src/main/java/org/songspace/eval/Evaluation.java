package org.songspace.eval;

import java.util.List;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Fold;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Split;
import org.songspace.dataset.Splitter;
import org.songspace.dataset.Track;
import org.songspace.vectors.Distance;

/** Runs the whole evaluation of one set of labelled embeddings on a holdout split and k folds. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param folds   0 to skip k-fold; otherwise stratified folds with {@code seed}, group-aware (whole
     *                artists per fold) when {@code artists} names any
     * @param artists artist per track id, or an empty map
     */
    public static EvaluationResult run(String name, LabeledVectors data, Split split, int k, Distance metric,
                                       int folds, java.util.Map<String, String> artists, long seed) {
        return run(name, data, split, k, metric, false, folds, artists, seed);
    }

    /** The same, ranking neighbours by mutual proximity when {@code mutualProximity} is set. */
    public static EvaluationResult run(String name, LabeledVectors data, Split split, int k, Distance metric,
                                       boolean mutualProximity, int folds, java.util.Map<String, String> artists,
                                       long seed) {
        KnnEvaluator evaluator = new KnnEvaluator(k, metric, mutualProximity);
        ClassificationReport holdout = evaluator.holdout(data, split.train(), split.heldOut());
        KnnEvaluator.FoldSummary foldSummary = null;
        if (folds >= 2) {
            Dataset asDataset = toDataset(data, artists);
            List<Fold> f = Splitter.leakFreeKFold(asDataset, folds, seed);
            foldSummary = evaluator.kFold(data, f);
        }
        RetrievalMetrics.Result retrieval = RetrievalMetrics.compute(data, k, metric);
        double silhouette = RetrievalMetrics.silhouette(data, metric);
        return new EvaluationResult(name, data.size(), data.dimension(), k, metric.name().toLowerCase(java.util.Locale.ROOT),
                split.method(), holdout, foldSummary, retrieval, silhouette);
    }

    private static Dataset toDataset(LabeledVectors data, java.util.Map<String, String> artists) {
        List<Track> tracks = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            tracks.add(new Track(data.ids().get(i), java.nio.file.Path.of(data.ids().get(i)),
                    data.labelNames().get(data.labels()[i]), artists.get(data.ids().get(i))));
        }
        return new Dataset(java.nio.file.Path.of("."), Layout.MANIFEST, tracks);
    }
}
