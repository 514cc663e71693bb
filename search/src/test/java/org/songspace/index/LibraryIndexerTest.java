package org.songspace.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental updates without a model: vectors come from a map, as in the benchmark. */
class LibraryIndexerTest {
    @TempDir
    Path tmp;

    private final Map<String, float[]> vectors = new HashMap<>();
    private final AtomicInteger embeddings = new AtomicInteger();
    private final LibraryIndexer.VectorSource source = t -> {
        embeddings.incrementAndGet();
        return vectors.get(t.id());
    };

    /** Tracks in two clusters: ids starting with "a" near +x, "b" near -x. */
    private List<IndexedTrack> library(int perCluster, String prefix, long seed) {
        Random r = new Random(seed);
        List<IndexedTrack> tracks = new ArrayList<>();
        for (String cluster : List.of("a", "b")) {
            for (int i = 0; i < perCluster; i++) {
                float[] v = new float[16];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) (0.1 * r.nextGaussian());
                }
                v[0] += cluster.equals("a") ? 1 : -1;
                String id = cluster + "/" + prefix + i;
                vectors.put(id, v);
                tracks.add(new IndexedTrack(id, "/music/" + id + ".mp3", cluster, "artist " + id, 30, 100, 1000, null));
            }
        }
        return tracks;
    }

    @Test
    void newTracksArePlacedBesideTheirNeighboursAndTheRestOfTheMapStays() throws IOException {
        List<IndexedTrack> sources = new ArrayList<>(library(60, "t", 1));
        LibraryIndexer.Result first = LibraryIndexer.apply(tmp, sources, source, false, new LibraryIndexer.Listener() { });
        assertTrue(first.relaidOut(), "a first update lays the map out");
        Map<String, float[]> before = LibraryMap.read(tmp).positions();

        sources.addAll(library(3, "new", 2));
        List<Integer> planned = new ArrayList<>();
        embeddings.set(0);
        LibraryIndexer.Result second = LibraryIndexer.apply(tmp, sources, source, false, new LibraryIndexer.Listener() {
            @Override
            public void planned(int toEmbed) {
                planned.add(toEmbed);
            }
        });
        assertEquals(List.of(6), planned, "only the new tracks are embedded");
        assertEquals(6, embeddings.get());
        assertEquals(6, second.added());
        assertEquals(120, second.unchanged());
        assertFalse(second.relaidOut());
        Map<String, float[]> after = LibraryMap.read(tmp).positions();
        assertEquals(126, after.size());
        before.forEach((id, xy) -> assertArrayEquals(xy, after.get(id), 0f, id + " moved"));
        for (String cluster : List.of("a", "b")) {
            float[] placed = after.get(cluster + "/new0");
            String nearest = nearestOnMap(placed, before);
            assertTrue(nearest.startsWith(cluster + "/"), cluster + "/new0 landed beside " + nearest);
        }
    }

    private static String nearestOnMap(float[] p, Map<String, float[]> map) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (var e : map.entrySet()) {
            double d = Math.hypot(e.getValue()[0] - p[0], e.getValue()[1] - p[1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return best;
    }

    @Test
    void retaggedTracksKeepTheirVectorsAndRemovedOnesLeaveIndexAndMap() throws IOException {
        List<IndexedTrack> sources = new ArrayList<>(library(10, "t", 3));
        LibraryIndexer.apply(tmp, sources, source, false, new LibraryIndexer.Listener() { });
        IndexedTrack old = sources.get(0);
        sources.set(0, new IndexedTrack(old.id(), old.path(), old.label(), "a new artist", "an album", "a title",
                old.durationSeconds(), old.sourceBytes(), old.sourceModified(), null));
        sources.remove(5);
        embeddings.set(0);
        LibraryIndexer.Result r = LibraryIndexer.apply(tmp, sources, source, true, new LibraryIndexer.Listener() { });
        assertEquals(0, embeddings.get(), "new tags alone need no embedding");
        assertEquals(1, r.updated());
        assertEquals(1, r.removed());
        assertTrue(r.relaidOut(), "--relayout lays the map out again");
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            IndexedTrack retagged = index.get(old.id()).orElseThrow();
            assertEquals("a new artist", retagged.artist());
            assertEquals("an album", retagged.album());
            assertEquals(1.0, org.songspace.vectors.Vectors.dot(retagged.vector(),
                    org.songspace.vectors.Vectors.normalise(vectors.get(old.id()).clone())), 1e-5);
            assertEquals(19, index.size());
            assertTrue(index.byPath(Path.of(old.path())).isPresent(), "tracks are found by their file's path");
        }
        assertEquals(19, LibraryMap.read(tmp).ids().size());
    }

    @Test
    void movingTheLibraryRootKeepsIdsAndVectorsAndFindsTracksAtTheirNewPaths() throws IOException {
        List<IndexedTrack> sources = new ArrayList<>(library(10, "t", 4));
        LibraryIndexer.apply(tmp, sources, source, false, new LibraryIndexer.Listener() { });
        // Same files (size and modification time kept by a move), new root: ids are paths relative to the root.
        List<IndexedTrack> moved = sources.stream().map(t -> new IndexedTrack(t.id(), t.path().replace("/music/",
                "/mnt/nas/music/"), t.label(), t.artist(), t.durationSeconds(), t.sourceBytes(), t.sourceModified(), null))
                .toList();
        embeddings.set(0);
        LibraryIndexer.Result r = LibraryIndexer.apply(tmp, moved, source, false, new LibraryIndexer.Listener() { });
        assertEquals(0, embeddings.get(), "a moved library needs no embedding");
        assertEquals(0, r.added());
        assertEquals(0, r.removed());
        assertEquals(20, r.total());
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            IndexedTrack t = index.byPath(Path.of("/mnt/nas/music/a/t3.mp3")).orElseThrow();
            assertEquals("a/t3", t.id());
            assertTrue(index.byPath(Path.of("/music/a/t3.mp3")).isEmpty(), "the old path is gone");
        }
        assertEquals(20, LibraryMap.read(tmp).ids().size());
    }
}
