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
 * and counted in {@link #paddedTracks()}, never dropped. Segments are
 * random crops (any start frame), and with augmentation each gets a random gain (+-6 dB), one time mask
 * (up to 15 frames) and one frequency mask (up to 12 bands), each with probability 1/2; masked cells
 * take the segment's mean. Batches are P labels x K segments for triplet training, or uniform for the CAE.
 */
final class TrainingSampler {
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

    TrainingSampler(FeatureStore store, List<String> trackIds, int[] trackLabels, int numLabels, int frames, int maxTracks) {
        this.store = store;
        this.trackIds = trackIds;
        this.trackLabels = trackLabels;
        this.numLabels = numLabels;
        this.frames = frames;
        this.maxTracks = maxTracks;
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
        for (int i : chooseTracks(random)) {
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

    /** The track padded to one segment with its floor value. */
    private MelSpectrogram padded(MelSpectrogram spec) {
        float[] out = new float[spec.nMels() * frames];
        new Segmenter(frames, frames, Segmenter.Remainder.PAD).copy(spec, 0, out, 0);
        return new MelSpectrogram(spec.nMels(), frames, out, true);
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

    /**
     * A batch of raw dB segments [n][nMels][frames] with labels; {@code p} labels x {@code k} segments, or
     * {@code p * k} uniform segments when {@code pk} is false.
     */
    Batch next(Random random, int p, int k, boolean pk, boolean augment) {
        int n = p * k;
        int nMels = nMels();
        float[] data = new float[n * nMels * frames];
        int[] labels = new int[n];
        List<Integer> usable = new ArrayList<>();
        for (int l = 0; l < byLabel.size(); l++) {
            if (!byLabel.get(l).isEmpty()) {
                usable.add(l);
            }
        }
        Collections.shuffle(usable, random);
        int[] chosen = pk ? distinctTracksPerLabel(usable, p, k, random) : null;
        for (int b = 0; b < n; b++) {
            int track = pk ? chosen[b] : random.nextInt(loaded.size());
            MelSpectrogram spec = loaded.get(track);
            int start = random.nextInt(spec.frames() - frames + 1);
            int offset = b * nMels * frames;
            for (int m = 0; m < nMels; m++) {
                System.arraycopy(spec.values(), m * spec.frames() + start, data, offset + m * frames, frames);
            }
            labels[b] = loadedLabels.get(track);
            if (augment) {
                augment(data, offset, nMels, random);
            }
        }
        return new Batch(data, n, labels);
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

    private void augment(float[] data, int offset, int nMels, Random random) {
        int cells = nMels * frames;
        float gain = (float) ((random.nextDouble() * 2 - 1) * 6);
        double mean = 0;
        for (int i = 0; i < cells; i++) {
            data[offset + i] += gain;
            mean += data[offset + i];
        }
        float fill = (float) (mean / cells);
        if (random.nextBoolean()) {
            int width = 1 + random.nextInt(15);
            int t0 = random.nextInt(frames - width + 1);
            for (int m = 0; m < nMels; m++) {
                java.util.Arrays.fill(data, offset + m * frames + t0, offset + m * frames + t0 + width, fill);
            }
        }
        if (random.nextBoolean()) {
            int height = 1 + random.nextInt(12);
            int m0 = random.nextInt(nMels - height + 1);
            java.util.Arrays.fill(data, offset + m0 * frames, offset + (m0 + height) * frames, fill);
        }
    }

    /** Raw dB segments and their label indices. */
    record Batch(float[] data, int size, int[] labels) {
    }
}
