package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.songspace.io.Json;
import org.songspace.map.Projection;

/**
 * The 2-D map of a library ({@code map.json}): one position per track id. A full layout runs UMAP (PCA
 * above {@value #UMAP_LIMIT} tracks); an update places new tracks among their nearest neighbours'
 * positions and leaves everyone else where they were, so adding ten songs neither costs a re-layout
 * nor moves the map a user knows.
 */
public record LibraryMap(List<String> ids, float[][] xy) {
    public static final String FILE_NAME = "map.json";
    /** Above this many tracks a full layout uses PCA instead of UMAP. */
    static final int UMAP_LIMIT = 20_000;
    /** Neighbours whose positions place a new track (or a query) on the map. */
    public static final int PLACEMENT_NEIGHBOURS = 5;
    /** Softmax temperature on cosine similarity: the closest neighbours dominate, the rest nudge. */
    private static final double PLACEMENT_TEMPERATURE = 0.05;

    public LibraryMap {
        if (ids.size() != xy.length) {
            throw new IllegalArgumentException(ids.size() + " ids but " + xy.length + " positions");
        }
        ids = List.copyOf(ids);
    }

    public static boolean exists(Path indexDir) {
        return Files.isRegularFile(indexDir.resolve(FILE_NAME));
    }

    public static LibraryMap read(Path indexDir) throws IOException {
        Path file = indexDir.resolve(FILE_NAME);
        try {
            return Json.read(file, LibraryMap.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": the library map cannot be read (" + e.getMessage() + "); rebuild it with "
                    + "songspace index MODEL LIBRARY --out " + indexDir + " --relayout", e);
        }
    }

    public void write(Path indexDir) throws IOException {
        Json.write(indexDir.resolve(FILE_NAME), this);
    }

    /** A fresh layout of every track (seeded, so the same library gives the same map). */
    public static LibraryMap layout(List<IndexedTrack> tracks) {
        float[][] vectors = tracks.stream().map(IndexedTrack::vector).toArray(float[][]::new);
        float[][] xy = vectors.length == 0 ? new float[0][2] : Projection.project(vectors,
                vectors.length > UMAP_LIMIT ? Projection.Method.PCA : Projection.Method.UMAP, 2, 42);
        return new LibraryMap(tracks.stream().map(IndexedTrack::id).toList(), xy);
    }

    public Map<String, float[]> positions() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), xy[i]);
        }
        return out;
    }

    /** This map without the given ids. */
    public LibraryMap without(Collection<String> removed) {
        Set<String> gone = new HashSet<>(removed);
        List<String> keptIds = new ArrayList<>();
        List<float[]> keptXy = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!gone.contains(ids.get(i))) {
                keptIds.add(ids.get(i));
                keptXy.add(xy[i]);
            }
        }
        return new LibraryMap(keptIds, keptXy.toArray(new float[0][]));
    }

    /**
     * This map plus a position for each of {@code added} (re-placed when already on the map), found from its
     * nearest already-placed neighbours in {@code index}.
     */
    public LibraryMap place(Collection<IndexedTrack> added, SimilarityIndex index) throws IOException {
        Set<String> moving = new HashSet<>();
        added.forEach(t -> moving.add(t.id()));
        LibraryMap kept = without(moving);
        Map<String, float[]> anchors = kept.positions();
        List<String> outIds = new ArrayList<>(kept.ids());
        List<float[]> outXy = new ArrayList<>(List.of(kept.xy()));
        for (IndexedTrack t : added) {
            // Unfiltered (an exclusion per new track would not scale), then only tracks already on the map count.
            List<SimilarityIndex.Hit> hits = index.search(t.vector(), 4 * PLACEMENT_NEIGHBOURS, Exclusions.NONE).stream()
                    .filter(h -> anchors.containsKey(h.track().id())).limit(PLACEMENT_NEIGHBOURS).toList();
            outIds.add(t.id());
            outXy.add(positionAmong(hits, anchors));
        }
        return new LibraryMap(outIds, outXy.toArray(new float[0][]));
    }

    /** Where a vector with these neighbours lands: their positions, weighted by a softmax of similarity. */
    public static float[] positionAmong(List<SimilarityIndex.Hit> hits, Map<String, float[]> positions) {
        double best = hits.stream().mapToDouble(SimilarityIndex.Hit::similarity).max().orElse(0);
        double x = 0;
        double y = 0;
        double w = 0;
        for (SimilarityIndex.Hit h : hits) {
            float[] p = positions.get(h.track().id());
            if (p != null) {
                double weight = Math.exp((h.similarity() - best) / PLACEMENT_TEMPERATURE);
                x += weight * p[0];
                y += weight * p[1];
                w += weight;
            }
        }
        return w == 0 ? new float[] {0, 0} : new float[] {(float) (x / w), (float) (y / w)};
    }
}
