package org.songspace.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.Segmenter;

/**
 * Draws training batches from the training tracks held in memory (at most {@code maxTracks}; a larger
 * training set is sampled afresh each epoch, each label keeping its share, so memory stays bounded).
 * A track shorter than one segment is padded with its quietest value (what silence looks like in it)
 * and counted in {@link #paddedTracks()}, never dropped. Segments are random crops (any start frame),
 * changed by a {@link SegmentAugmenter}. Batches ({@link Mode}) are P labels x K different tracks for the
 * label-trained encoders, uniform for the CAE, or two views of each of P x K / 2 different tracks for the
 * contrastive encoder.
 */
final class TrainingSampler {
    /** How a batch is drawn. */
    enum Mode {
        /** Any segment of any track (the autoencoder). */
        UNIFORM,
        /** P labels x K different tracks of each; the label is the class. */
        LABELS,
        /**
         * Two views of each track: crops from different places, each with a tempo change of up to +-10 %
         * (probability 1/2); the "label" is the track, so the views are each other's only positive.
         */
        VIEWS
    }

    /** Largest tempo change of a contrastive view (a crop of 0.9-1.1 segments stretched to one). */
    static final double MAX_TEMPO_CHANGE = 0.1;

    private final FeatureStore store;
    private final List<String> trackIds;
    private final int[] trackLabels;
    private final int numLabels;
    private final int frames;
    private final int maxTracks;
    private final List<MelSpectrogram> loaded = new ArrayList<>();
    private final List<List<Integer>> byLabel = new ArrayList<>();
    private final List<Integer> loadedLabels = new ArrayList<>();
    private int totalFrames;
    private int paddedTracks;
    private int[] trackGroups;
    private List<Integer> loadedIndices = List.of();

    TrainingSampler(FeatureStore store, List<String> trackIds, int[] trackLabels, int numLabels, int frames, int maxTracks) {
        this.store = store;
        this.trackIds = trackIds;
        this.trackLabels = trackLabels;
        this.numLabels = numLabels;
        this.frames = frames;
        this.maxTracks = maxTracks;
    }

    /**
     * Groups (an artist index per track) to draw a sample across: each round takes one track of every group
     * in a shuffled order, so a sample of a large library covers as many artists as it can instead of
     * mirroring the artists that fill the library. Without groups a sample keeps each label's share.
     */
    void sampleAcross(int[] groups) {
        this.trackGroups = groups.clone();
    }

    /** Loads the tracks for an epoch: all of them, or a fresh sample (each label keeping its share) when there are too many. */
    void loadEpoch(Random random) throws IOException {
        if (!loaded.isEmpty() && trackIds.size() <= maxTracks) {
            return;
        }
        loaded.clear();
        loadedLabels.clear();
        byLabel.clear();
        for (int l = 0; l < Math.max(1, numLabels); l++) {
            byLabel.add(new ArrayList<>());
        }
        totalFrames = 0;
        paddedTracks = 0;
        loadedIndices = chooseTracks(random);
        for (int i : loadedIndices) {
            MelSpectrogram spec = store.load(trackIds.get(i));
            if (spec.frames() < frames) {
                spec = padded(spec);
                paddedTracks++;
            }
            int label = Math.max(0, trackLabels[i]);
            byLabel.get(label).add(loaded.size());
            loadedLabels.add(label);
            loaded.add(spec);
            totalFrames += spec.frames();
        }
        if (loaded.isEmpty()) {
            throw new IOException("no training tracks to load");
        }
    }

    /** Every track, or {@code maxTracks} of them drawn per label in proportion to the label's size. */
    private List<Integer> chooseTracks(Random random) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            all.add(i);
        }
        if (trackIds.size() <= maxTracks) {
            return all;
        }
        if (trackGroups != null) {
            return acrossGroups(random);
        }
        List<List<Integer>> perLabel = new ArrayList<>();
        for (int l = 0; l < Math.max(1, numLabels); l++) {
            perLabel.add(new ArrayList<>());
        }
        all.forEach(i -> perLabel.get(Math.max(0, trackLabels[i])).add(i));
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> group : perLabel) {
            Collections.shuffle(group, random);
            long share = Math.max(group.isEmpty() ? 0 : 1, Math.round(group.size() * (double) maxTracks / trackIds.size()));
            chosen.addAll(group.subList(0, (int) Math.min(group.size(), share)));
        }
        return chosen;
    }

    /** {@code maxTracks} tracks taken one per group and round, the groups and their tracks in a random order. */
    private List<Integer> acrossGroups(Random random) {
        java.util.Map<Integer, List<Integer>> byGroup = new java.util.TreeMap<>();
        for (int i = 0; i < trackIds.size(); i++) {
            byGroup.computeIfAbsent(trackGroups[i], g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byGroup.values());
        Collections.shuffle(groups, random);
        groups.forEach(g -> Collections.shuffle(g, random));
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < maxTracks; round++) {
            for (List<Integer> group : groups) {
                if (round < group.size() && chosen.size() < maxTracks) {
                    chosen.add(group.get(round));
                }
            }
        }
        return chosen;
    }

    /** The track padded to one segment with its floor value. */
    private MelSpectrogram padded(MelSpectrogram spec) {
        float[] out = new float[spec.nMels() * frames];
        new Segmenter(frames, frames, Segmenter.Remainder.PAD).copy(spec, 0, out, 0);
        return new MelSpectrogram(spec.nMels(), frames, out, true);
    }

    /** Indices (into the track list) of the tracks the last load holds. */
    List<Integer> loadedTracks() {
        return List.copyOf(loadedIndices);
    }

    /** Tracks of the last load that were shorter than one segment (and were padded). */
    int paddedTracks() {
        return paddedTracks;
    }

    /** Batches that cover each loaded training segment about once. */
    int stepsPerEpoch(int batchSize) {
        return Math.max(1, totalFrames / frames / batchSize);
    }

    /** Batches that draw about {@code cropsPerTrack} crops of every loaded track. */
    int stepsForCrops(int batchSize, int cropsPerTrack) {
        return Math.max(1, Math.round(loaded.size() * cropsPerTrack / (float) batchSize));
    }

    int nMels() {
        return loaded.get(0).nMels();
    }

    /** A batch of {@code p * k} raw dB segments [n][nMels][frames] with labels, drawn as {@code mode} says. */
    Batch next(Random random, int p, int k, Mode mode, SegmentAugmenter augmenter) {
        int n = p * k;
        int nMels = nMels();
        float[] data = new float[n * nMels * frames];
        int[] labels = new int[n];
        // The label order is drawn even for uniform batches, so a seed draws what it drew before views existed.
        List<Integer> usable = mode == Mode.VIEWS ? List.of() : shuffledLabels(random);
        int[] tracks = switch (mode) {
            case UNIFORM -> null;
            case LABELS -> distinctTracksPerLabel(usable, p, k, random);
            case VIEWS -> pairedTracks(n, random);
        };
        int previousStart = -1;
        for (int b = 0; b < n; b++) {
            int track = tracks == null ? random.nextInt(loaded.size()) : tracks[b];
            MelSpectrogram spec = loaded.get(track);
            int offset = b * nMels * frames;
            boolean secondView = mode == Mode.VIEWS && b % 2 == 1;
            int length = mode == Mode.VIEWS && random.nextBoolean()
                    ? (int) Math.round(frames * (1 + (random.nextDouble() * 2 - 1) * MAX_TEMPO_CHANGE)) : frames;
            length = Math.min(length, spec.frames());
            int start = secondView ? otherStart(spec.frames(), length, previousStart, random)
                    : random.nextInt(spec.frames() - length + 1);
            copyStretched(spec, start, length, data, offset);
            previousStart = start;
            labels[b] = mode == Mode.VIEWS ? track : loadedLabels.get(track);
            if (augmenter != null) {
                augmenter.apply(data, offset, nMels, frames, random);
            }
        }
        return new Batch(data, n, labels);
    }

    private List<Integer> shuffledLabels(Random random) {
        List<Integer> usable = new ArrayList<>();
        for (int l = 0; l < byLabel.size(); l++) {
            if (!byLabel.get(l).isEmpty()) {
                usable.add(l);
            }
        }
        Collections.shuffle(usable, random);
        return usable;
    }

    /** {@code n / 2} different tracks (repeating only when fewer are loaded), each twice in a row. */
    private int[] pairedTracks(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] out = new int[n];
        for (int b = 0; b < n; b++) {
            out[b] = order.get((b / 2) % order.size());
        }
        return out;
    }

    /** A start at least half a segment away from {@code taken} when the track is long enough, else any. */
    private int otherStart(int trackFrames, int length, int taken, Random random) {
        int start = random.nextInt(trackFrames - length + 1);
        for (int tries = 0; tries < 8 && Math.abs(start - taken) < frames / 2; tries++) {
            start = random.nextInt(trackFrames - length + 1);
        }
        return start;
    }

    /** {@code length} frames from {@code start}, linearly interpolated to the segment's width. */
    private void copyStretched(MelSpectrogram spec, int start, int length, float[] out, int offset) {
        int nMels = spec.nMels();
        float[] v = spec.values();
        if (length == frames) {
            for (int m = 0; m < nMels; m++) {
                System.arraycopy(v, m * spec.frames() + start, out, offset + m * frames, frames);
            }
            return;
        }
        double step = (length - 1) / (double) (frames - 1);
        for (int t = 0; t < frames; t++) {
            double x = t * step;
            int i0 = (int) x;
            int i1 = Math.min(length - 1, i0 + 1);
            float w = (float) (x - i0);
            for (int m = 0; m < nMels; m++) {
                int row = m * spec.frames() + start;
                out[offset + m * frames + t] = v[row + i0] * (1 - w) + v[row + i1] * w;
            }
        }
    }

    /**
     * For each of the batch's p label slots, k different tracks of that label (repeats only when the label
     * has fewer than k tracks): positives from two crops of one recording would teach the model to
     * recognise recordings rather than what a label's tracks share.
     */
    private int[] distinctTracksPerLabel(List<Integer> usable, int p, int k, Random random) {
        int[] out = new int[p * k];
        for (int slot = 0; slot < p; slot++) {
            List<Integer> tracks = new ArrayList<>(byLabel.get(usable.get(slot % usable.size())));
            Collections.shuffle(tracks, random);
            for (int j = 0; j < k; j++) {
                out[slot * k + j] = tracks.get(j % tracks.size());
            }
        }
        return out;
    }

    /** Raw dB segments and their label indices. */
    record Batch(float[] data, int size, int[] labels) {
    }
}
