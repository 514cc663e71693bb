package org.songspace.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.Segmenter;
import org.songspace.model.EncoderSpec;
import org.songspace.model.TrackEncoder;
import org.songspace.vectors.EmbeddingDiagnostics;
import org.songspace.vectors.Knn;
import org.songspace.vectors.Vectors;

/**
 * What the model makes of a fixed sample of tracks after every epoch: validation k-NN accuracy (when there
 * are labelled validation tracks), the held-out contrastive loss (contrastive encoder) and collapse diagnostics of the sample's track embeddings (always). The
 * sample is cheap enough to run every epoch: reference (training) and validation tracks, each represented
 * by a few evenly spaced segments cut once and kept in memory. Re-reading and embedding every segment of
 * every training track each epoch took more than half of the epoch on a real library.
 */
final class EpochProbe {
    static final int MAX_REFERENCE_TRACKS = 256;
    static final int MAX_VALID_TRACKS = 400;
    /**
     * Reference tracks without a k-NN vote: they only feed the collapse diagnostics, which a smaller sample
     * measures as well at a third of the cost every epoch.
     */
    static final int DIAGNOSTIC_TRACKS = 128;
    /**
     * Held-out tracks for the contrastive loss, a mean over tracks: on a big library (800 held-out tracks of
     * 10,000) scoring 400 of them every epoch took a third of the epoch.
     */
    static final int HELD_OUT_CONTRAST_TRACKS = 160;
    static final int REFERENCE_SEGMENTS = 3;
    static final int VALID_SEGMENTS = 5;

    private final EncoderSpec spec;
    private final Scores scores;
    private final Crops reference;
    private final Crops valid;

    /** Segments of a set of tracks, track after track, and each track's label index. */
    private record Crops(float[] segments, int[] counts, int[] labels) {
        int tracks() {
            return counts.length;
        }

        int totalSegments() {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            return n;
        }
    }

    /**
     * What to score on the validation sample besides the collapse diagnostics.
     *
     * @param knn         k-NN accuracy by the reference sample (needs labels)
     * @param temperature the held-out contrastive loss at this temperature, or NaN for none
     * @param k           neighbours of the k-NN vote
     */
    record Scores(boolean knn, float temperature, int k) {
        /** At most this many reference tracks: the k-NN vote needs more than the diagnostics do. */
        int maxReference() {
            return knn ? MAX_REFERENCE_TRACKS : DIAGNOSTIC_TRACKS;
        }

        /** At most this many validation tracks: the held-out contrastive loss needs fewer than k-NN accuracy. */
        int maxValid() {
            return Float.isNaN(temperature) ? MAX_VALID_TRACKS : HELD_OUT_CONTRAST_TRACKS;
        }
    }

    private EpochProbe(EncoderSpec spec, Scores scores, Crops reference, Crops valid) {
        this.spec = spec;
        this.scores = scores;
        this.reference = reference;
        this.valid = valid;
    }

    /**
     * Training (reference) and validation ids with label indices; with empty validation lists only the
     * diagnostics are measured. The samples are fixed by {@code seed}.
     */
    static EpochProbe create(FeatureStore store, EncoderSpec spec, List<String> referenceIds, int[] referenceLabels,
                               List<String> validIds, int[] validLabels, Scores scores, long seed) throws IOException {
        Crops ref = crops(store, spec, sample(referenceIds.size(), scores.maxReference(), seed), referenceIds,
                referenceLabels, REFERENCE_SEGMENTS);
        Crops val = crops(store, spec, sample(validIds.size(), scores.maxValid(), seed + 1), validIds, validLabels,
                VALID_SEGMENTS);
        return new EpochProbe(spec, scores, ref, val);
    }

    private static List<Integer> sample(int n, int max, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        if (n > max) {
            Collections.shuffle(all, new Random(seed));
            all = new ArrayList<>(all.subList(0, max));
            Collections.sort(all);
        }
        return all;
    }

    private static Crops crops(FeatureStore store, EncoderSpec spec, List<Integer> chosen, List<String> ids, int[] labels,
                               int perTrack) throws IOException {
        int cell = spec.nMels() * spec.frames();
        Segmenter segmenter = new Segmenter(spec.frames(), spec.frames(), Segmenter.Remainder.PAD);
        List<float[]> parts = new ArrayList<>();
        int[] counts = new int[chosen.size()];
        int[] chosenLabels = new int[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            MelSpectrogram db = store.load(ids.get(chosen.get(i)));
            int[] starts = evenlySpaced(db.frames(), spec.frames(), perTrack);
            float[] segs = new float[starts.length * cell];
            for (int s = 0; s < starts.length; s++) {
                segmenter.copy(db, starts[s], segs, s * cell);
            }
            parts.add(segs);
            counts[i] = starts.length;
            chosenLabels[i] = labels[chosen.get(i)];
        }
        int total = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return new Crops(all, counts, chosenLabels);
    }

    /** Up to {@code n} distinct window starts spread from the beginning to the end of the track. */
    static int[] evenlySpaced(int frames, int window, int n) {
        if (frames <= window) {
            return new int[] {0};
        }
        int span = frames - window;
        int count = Math.min(n, span / Math.max(1, window / 2) + 1);
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = count == 1 ? span / 2 : (int) Math.round(i * (double) span / (count - 1));
        }
        return starts;
    }

    /** Whether there is a validation sample to score k-NN accuracy on. */
    boolean measuresAccuracy() {
        return scores.knn() && valid.tracks() > 0;
    }

    /**
     * Whether the held-out contrastive loss is measured: it needs two validation tracks long enough for two
     * segments each (clips of about one segment leave the training loss to decide).
     */
    boolean measuresContrast() {
        return !Float.isNaN(scores.temperature()) && java.util.Arrays.stream(valid.counts()).filter(c -> c >= 2).count() >= 2;
    }

    /**
     * This epoch's scores: {@link Monitor#VALID_KNN} (k-NN, cosine, of the validation sample by the reference
     * sample) when there is a validation sample, and the collapse diagnostics of all the sample's tracks.
     */
    Map<String, Double> measure(TrainingRun run) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (TrackEncoder encoder = new TrackEncoder(run.model().getBlock(), spec, run.normaliser(),
                run.trainer().getManager())) {
            float[][] refVectors = trackVectors(encoder.embedSegments(reference.segments(), reference.totalSegments()), reference);
            float[] validSegments = encoder.embedSegments(valid.segments(), valid.totalSegments());
            float[][] validVectors = trackVectors(validSegments, valid);
            if (measuresAccuracy()) {
                out.put(Monitor.VALID_KNN, knnAccuracy(refVectors, validVectors));
            }
            if (measuresContrast()) {
                out.put(Monitor.VALID_CONTRAST, contrastiveLoss(validSegments, valid.counts(), spec.embeddingDim(),
                        scores.temperature()));
            }
            float[][] all = new float[refVectors.length + validVectors.length][];
            System.arraycopy(refVectors, 0, all, 0, refVectors.length);
            System.arraycopy(validVectors, 0, all, refVectors.length, validVectors.length);
            EmbeddingDiagnostics d = EmbeddingDiagnostics.of(all);
            out.put(Monitor.MEAN_COSINE, d.meanPairwiseCosine());
            out.put(Monitor.EFFECTIVE_RANK, d.effectiveRank());
        }
        return out;
    }

    private double knnAccuracy(float[][] refVectors, float[][] validVectors) {
        Knn knn = new Knn(refVectors, reference.labels(), Math.min(scores.k(), refVectors.length), Knn.Metric.COSINE);
        int correct = 0;
        for (int i = 0; i < validVectors.length; i++) {
            if (knn.predict(validVectors[i]) == valid.labels()[i]) {
                correct++;
            }
        }
        return correct / (double) validVectors.length;
    }

    /**
     * The contrastive loss of unit-length segment embeddings (rows of {@code emb}, grouped by track in
     * {@code counts}): for each segment of a track with two or more, the mean over the track's other
     * segments of -log(exp(s_ap / t) / sum over every other segment exp(s_aj / t)). It falls when segments
     * of one track gather and different tracks spread; it needs no labels.
     */
    static double contrastiveLoss(float[] emb, int[] counts, int dim, float temperature) {
        int n = emb.length / dim;
        int[] track = new int[n];
        int row = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                track[row++] = t;
            }
        }
        double total = 0;
        int anchors = 0;
        double[] logits = new double[n];
        for (int a = 0; a < n; a++) {
            if (counts[track[a]] < 2) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                logits[j] = j == a ? Double.NEGATIVE_INFINITY : Vectors.dot(emb, a * dim, emb, j * dim, dim) / temperature;
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += j == a ? 0 : Math.exp(logits[j] - max);
            }
            double logDenominator = max + Math.log(sum);
            double positive = 0;
            for (int j = 0; j < n; j++) {
                if (j != a && track[j] == track[a]) {
                    positive += logDenominator - logits[j];
                }
            }
            total += positive / (counts[track[a]] - 1);
            anchors++;
        }
        return anchors == 0 ? Double.NaN : total / anchors;
    }

    private float[][] trackVectors(float[] emb, Crops crops) {
        int dim = spec.embeddingDim();
        float[][] out = new float[crops.tracks()][];
        int row = 0;
        for (int t = 0; t < out.length; t++) {
            out[t] = Vectors.normalise(Vectors.meanOfRows(emb, dim, row, row + crops.counts()[t]));
            row += crops.counts()[t];
        }
        return out;
    }
}
