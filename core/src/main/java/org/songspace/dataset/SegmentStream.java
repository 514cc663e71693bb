package org.songspace.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;

/**
 * Streams batches of segments from a feature cache without loading a whole library: tracks are read
 * {@code chunkTracks} at a time (in shuffled order when a seed is given), and the segments of one chunk
 * are shuffled together, like a shuffle buffer. Memory is bounded by one chunk of spectrograms
 * (~0.66 MB per 30 s track), whatever the library size. When the chunk covers every track this is a
 * full shuffle.
 */
public final class SegmentStream {
    private final FeatureStore store;
    private final List<String> trackIds;
    private final List<String> labelNames;
    private final int[] labelOfTrack;
    private final Segmenter segmenter;
    private final int chunkTracks;

    /**
     * @param trackIds    tracks to stream (e.g. one part of a split), all present in {@code store}
     * @param labels      label per track id (null or missing entries give -1)
     * @param labelNames  the label vocabulary; a track's label index is its position here
     * @param chunkTracks tracks held in memory at once
     */
    public SegmentStream(FeatureStore store, List<String> trackIds, Map<String, String> labels, List<String> labelNames,
                         Segmenter segmenter, int chunkTracks) throws IOException {
        if (chunkTracks <= 0) {
            throw new IllegalArgumentException("chunkTracks must be positive");
        }
        this.store = store;
        this.trackIds = List.copyOf(trackIds);
        this.labelNames = List.copyOf(labelNames);
        this.segmenter = segmenter;
        this.chunkTracks = chunkTracks;
        this.labelOfTrack = new int[trackIds.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labelNames.size(); i++) {
            index.put(labelNames.get(i), i);
        }
        for (int i = 0; i < trackIds.size(); i++) {
            String id = trackIds.get(i);
            if (store.track(id).isEmpty()) {
                throw new IOException("track " + id + " has no features in " + store.dir());
            }
            String label = labels == null ? null : labels.get(id);
            labelOfTrack[i] = label == null ? -1 : index.getOrDefault(label, -1);
        }
    }

    public List<String> trackIds() {
        return trackIds;
    }

    public int labelOfTrack(int track) {
        return labelOfTrack[track];
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Segments per track, from the manifest (no spectrogram is read). */
    public int[] segmentCounts() {
        int[] counts = new int[trackIds.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = segmenter.starts(store.track(trackIds.get(i)).orElseThrow().frames()).length;
        }
        return counts;
    }

    /**
     * One pass over every segment in batches of {@code batchSize} (the last may be smaller).
     *
     * @param random shuffles track order and segments within a chunk; null keeps the track order
     */
    public Iterator<SegmentBatch> batches(int batchSize, Random random) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            order.add(i);
        }
        if (random != null) {
            Collections.shuffle(order, random);
        }
        return new Iterator<>() {
            private int nextTrack;
            private final List<long[]> pending = new ArrayList<>();   // {track, start}
            private final Map<Integer, MelSpectrogram> loaded = new HashMap<>();
            private int cursor;

            @Override
            public boolean hasNext() {
                fill();
                return cursor < pending.size();
            }

            @Override
            public SegmentBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(batchSize, pending.size() - cursor);
                int nMels = store.config().nMels();
                int window = segmenter.windowFrames();
                float[] data = new float[n * nMels * window];
                int[] labels = new int[n];
                int[] tracks = new int[n];
                for (int b = 0; b < n; b++) {
                    long[] ref = pending.get(cursor++);
                    int track = (int) ref[0];
                    segmenter.copy(loaded.get(track), (int) ref[1], data, b * nMels * window);
                    labels[b] = labelOfTrack[track];
                    tracks[b] = track;
                }
                return new SegmentBatch(data, n, nMels, window, labels, tracks);
            }

            /** Loads the next chunk of tracks once the current one is used up. */
            private void fill() {
                if (cursor < pending.size() || nextTrack >= order.size()) {
                    return;
                }
                pending.clear();
                loaded.clear();
                cursor = 0;
                while (pending.isEmpty() && nextTrack < order.size()) {
                    int end = Math.min(order.size(), nextTrack + chunkTracks);
                    for (; nextTrack < end; nextTrack++) {
                        int track = order.get(nextTrack);
                        MelSpectrogram spec = load(track);
                        loaded.put(track, spec);
                        for (int start : segmenter.starts(spec.frames())) {
                            pending.add(new long[] {track, start});
                        }
                    }
                }
                if (random != null) {
                    Collections.shuffle(pending, random);
                }
            }
        };
    }

    /** All segments of one track as a batch (for embedding a track). */
    public SegmentBatch trackSegments(int track) throws IOException {
        MelSpectrogram spec = store.load(trackIds.get(track));
        int[] starts = segmenter.starts(spec.frames());
        int nMels = spec.nMels();
        int window = segmenter.windowFrames();
        float[] data = new float[starts.length * nMels * window];
        for (int i = 0; i < starts.length; i++) {
            segmenter.copy(spec, starts[i], data, i * nMels * window);
        }
        int[] labels = new int[starts.length];
        int[] tracks = new int[starts.length];
        java.util.Arrays.fill(labels, labelOfTrack[track]);
        java.util.Arrays.fill(tracks, track);
        return new SegmentBatch(data, starts.length, nMels, window, labels, tracks);
    }

    private MelSpectrogram load(int track) {
        try {
            return store.load(trackIds.get(track));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
