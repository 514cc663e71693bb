package org.songspace.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.Mfcc;
import org.songspace.features.SummaryFeatures;
import org.songspace.vectors.EmbeddingSet;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.Knn;

/**
 * Embeddings without learning, to measure learned ones against: the raw log-mel spectrogram averaged
 * over time (128-d), and the classic timbre summary, MFCC mean and standard deviation (40-d). Each
 * dimension is standardised over the given tracks (no labels are used).
 */
public final class Baselines {
    /** Model id of the mean log-mel baseline. */
    public static final String MEAN_LOG_MEL = "baseline-mean-logmel";
    /** Model id of the MFCC baseline. */
    public static final String MFCC_STATS = "baseline-mfcc-meanstd";
    /** Model id of the classic timbre model: one Gaussian per track, Jensen-Shannon, mutual proximity. */
    public static final String TIMBRE = "timbre-gauss-js";

    private Baselines() {
    }

    public static EmbeddingSet meanLogMel(FeatureStore store, List<String> ids, Map<String, String> labels,
                                          Map<String, String> artists) throws IOException {
        return build(MEAN_LOG_MEL, store, ids, labels, artists, false);
    }

    public static EmbeddingSet mfccStats(FeatureStore store, List<String> ids, Map<String, String> labels,
                                         Map<String, String> artists) throws IOException {
        return build(MFCC_STATS, store, ids, labels, artists, true);
    }

    /**
     * The classic timbre model ({@link GaussianTimbre}, 25 MFCCs): compare its vectors with
     * {@link Knn.Metric#GAUSSIAN_JS}, not cosine. Nothing is standardised (a Gaussian is its own scale).
     */
    public static EmbeddingSet timbre(FeatureStore store, List<String> ids, Map<String, String> labels,
                                      Map<String, String> artists) throws IOException {
        float[][] vectors = new float[ids.size()][];
        List<EmbeddingSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            String id = ids.get(i);
            vectors[i] = GaussianTimbre.fit(Mfcc.frames(store.load(id), GaussianTimbre.COEFFICIENTS));
            entries.add(new EmbeddingSet.Entry(id, store.track(id).orElseThrow().source(), labels.get(id), artists.get(id)));
        }
        return new EmbeddingSet(TIMBRE, entries, vectors);
    }

    private static EmbeddingSet build(String name, FeatureStore store, List<String> ids, Map<String, String> labels,
                                      Map<String, String> artists, boolean mfcc) throws IOException {
        float[][] vectors = new float[ids.size()][];
        List<EmbeddingSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            String id = ids.get(i);
            MelSpectrogram db = store.load(id);
            vectors[i] = mfcc ? SummaryFeatures.mfccMeanStd(db, SummaryFeatures.DEFAULT_COEFFICIENTS)
                    : SummaryFeatures.meanLogMel(db);
            entries.add(new EmbeddingSet.Entry(id, store.track(id).orElseThrow().source(), labels.get(id), artists.get(id)));
        }
        SummaryFeatures.standardise(vectors);
        return new EmbeddingSet(name, entries, vectors);
    }
}
