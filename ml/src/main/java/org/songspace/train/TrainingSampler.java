package org.songspace.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;

/**
 * Draws training batches from the training tracks held in memory (at most {@code maxTracks}; a larger
 * training set is sampled afresh each epoch, stratified by label, so memory stays bounded). Segments are
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

    TrainingSampler(FeatureStore store, List<String> trackIds, int[] trackLabels, int numLabels, int frames, int maxTracks) {
        this.store = store;
        this.trackIds = trackIds;
        this.trackLabels = trackLabels;
        this.numLabels = numLabels;
        this.frames = frames;
        this.maxTracks = maxTracks;
    }

    /** Loads the tracks for an epoch: all of them, or a fresh stratified sample when there are too many. */
    void loadEpoch(Random random) throws IOException {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            chosen.add(i);
        }
        if (trackIds.size() > maxTracks || loaded.isEmpty()) {
            if (trackIds.size() > maxTracks) {
                Collections.shuffle(chosen, random);
                chosen = chosen.subList(0, maxTracks);
            }
            loaded.clear();
            loadedLabels.clear();
            byLabel.clear();
            for (int l = 0; l < Math.max(1, numLabels); l++) {
                byLabel.add(new ArrayList<>());
            }
            totalFrames = 0;
            for (int i : chosen) {
                MelSpectrogram spec = store.load(trackIds.get(i));
                if (spec.frames() < frames) {
                    continue;
                }
                int label = Math.max(0, trackLabels[i]);
                byLabel.get(label).add(loaded.size());
                loadedLabels.add(label);
                loaded.add(spec);
                totalFrames += spec.frames();
            }
            if (loaded.isEmpty()) {
                throw new IOException("no training track is at least " + frames + " frames long");
            }
        }
    }

    /** Batches that cover each loaded training segment about once. */
    int stepsPerEpoch(int batchSize) {
        return Math.max(1, totalFrames / frames / batchSize);
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
        for (int b = 0; b < n; b++) {
            int track;
            if (pk) {
                int label = usable.get((b / k) % usable.size());
                List<Integer> tracks = byLabel.get(label);
                track = tracks.get(random.nextInt(tracks.size()));
            } else {
                track = random.nextInt(loaded.size());
            }
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
