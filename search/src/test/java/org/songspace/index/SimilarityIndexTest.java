package org.songspace.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityIndexTest {
    @TempDir
    Path tmp;

    static List<IndexedTrack> randomTracks(int n, int dim, long seed) {
        Random r = new Random(seed);
        List<IndexedTrack> tracks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = (float) r.nextGaussian();
            }
            tracks.add(new IndexedTrack("t" + i, "/music/t" + i + ".mp3", "L" + (i % 7), "artist" + (i % 50), 30, i, i, v));
        }
        return tracks;
    }

    @Test
    void aTrackIsFoundByItsMusicBrainzIdIsrcOrArtistAndTitle() throws IOException {
        List<IndexedTrack> tracks = new ArrayList<>(randomTracks(20, 8, 3));
        org.songspace.audio.TrackTags tags = new org.songspace.audio.TrackTags("Nina Simone", null, "Pastel Blues",
                "Sinnerman", 9, 1965, "Jazz", 620.0, "B1A9C0E9-D987-4042-AE91-78D6A3267D69", null, "NLA506500099");
        IndexedTrack known = new IndexedTrack("simone/sinnerman", "/music/sinnerman.flac", null, "Nina Simone",
                "Pastel Blues", "Sinnerman", tags, 620, 1, 1, tracks.get(0).vector());
        tracks.add(known);
        SimilarityIndex.update(tmp, tracks, List.of());
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            for (String key : List.of("b1a9c0e9-d987-4042-ae91-78d6a3267d69", "NL-A50-65-00099", "nla506500099",
                    "nina simone - SINNERMAN")) {
                assertEquals("simone/sinnerman", index.byIdentifier(key).orElseThrow(() -> new AssertionError(key)).id(), key);
            }
            assertTrue(index.byIdentifier("00000000-0000-0000-0000-000000000000").isEmpty());
            assertTrue(index.byIdentifier("Nobody - Nothing").isEmpty());
            assertEquals(1965, index.get("simone/sinnerman").orElseThrow().tags().year());
        }
    }

    @Test
    void hnswAgreesWithExactSearchOn10kVectors() throws IOException {
        List<IndexedTrack> tracks = randomTracks(10_000, 64, 1);
        SimilarityIndex.update(tmp, tracks, List.of());
        Random r = new Random(2);
        double recall = 0;
        int queries = 100;
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            assertEquals(10_000, index.size());
            for (int q = 0; q < queries; q++) {
                float[] v = new float[64];
                for (int j = 0; j < 64; j++) {
                    v[j] = (float) r.nextGaussian();
                }
                Set<String> exact = new HashSet<>();
                index.exact(v, 10, Exclusions.NONE).forEach(h -> exact.add(h.track().id()));
                int found = 0;
                for (SimilarityIndex.Hit h : index.search(v, 10, Exclusions.NONE)) {
                    if (exact.contains(h.track().id())) {
                        found++;
                    }
                }
                recall += found / 10.0;
            }
        }
        recall /= queries;
        System.out.printf(Locale.ROOT, "HNSW recall@10 vs exact on 10k x 64: %.3f%n", recall);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }

    /** A bulk load is written by a thread per core: every track lands once, and exact search is a true scan. */
    @Test
    void aBulkLoadFromSeveralThreadsHoldsEveryTrackOnce() throws IOException {
        int n = SimilarityIndex.BULK + 5_000;
        List<IndexedTrack> tracks = randomTracks(n, 16, 4);
        SimilarityIndex.update(tmp, tracks, List.of());
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            assertEquals(n, index.size());
            assertEquals(n, index.tracks().size(), "no id twice");
            Random r = new Random(5);
            for (int q = 0; q < 5; q++) {
                IndexedTrack probe = tracks.get(r.nextInt(n));
                float[] stored = index.get(probe.id()).orElseThrow().vector();
                assertEquals(1.0, org.songspace.vectors.Vectors.cosine(stored, probe.vector()), 1e-5);
                float[] query = tracks.get(r.nextInt(n)).vector();
                List<String> expected = tracks.stream()
                        .sorted(java.util.Comparator.comparingDouble((IndexedTrack t) ->
                                -org.songspace.vectors.Vectors.cosine(query, t.vector())))
                        .limit(10).map(IndexedTrack::id).toList();
                assertEquals(expected, index.exact(query, 10, Exclusions.NONE).stream().map(h -> h.track().id()).toList());
            }
        }
    }

    @Test
    void similaritiesAreCosinesAndExclusionsHold() throws IOException {
        List<IndexedTrack> tracks = randomTracks(200, 8, 3);
        SimilarityIndex.update(tmp, tracks, List.of());
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            IndexedTrack t5 = index.get("t5").orElseThrow();
            List<SimilarityIndex.Hit> self = index.exact(t5.vector(), 1, Exclusions.NONE);
            assertEquals("t5", self.get(0).track().id());
            assertEquals(1.0, self.get(0).similarity(), 1e-5);
            List<SimilarityIndex.Hit> hits = index.search(t5.vector(), 10, new Exclusions(Set.of("t5"), Set.of(t5.artist()), Set.of()));
            assertEquals(10, hits.size());
            for (SimilarityIndex.Hit h : hits) {
                assertFalse(h.track().id().equals("t5"));
                assertFalse(t5.artist().equals(h.track().artist()), "same artist excluded");
                assertTrue(h.similarity() <= 1.0 + 1e-6 && h.similarity() >= -1.0 - 1e-6);
            }
            assertThrows(IllegalArgumentException.class, () -> index.search(new float[3], 5, Exclusions.NONE));
        }
    }

    @Test
    void updatesReplaceAndDeleteById() throws IOException {
        List<IndexedTrack> tracks = randomTracks(20, 8, 4);
        SimilarityIndex.update(tmp, tracks, List.of());
        IndexedTrack changed = new IndexedTrack("t3", "/music/t3.mp3", "new label", null, 31, 99, 99, tracks.get(7).vector());
        SimilarityIndex.update(tmp, List.of(changed), List.of("t4", "t5"));
        try (SimilarityIndex index = SimilarityIndex.open(tmp)) {
            assertEquals(18, index.size());
            assertTrue(index.get("t4").isEmpty());
            IndexedTrack t3 = index.get("t3").orElseThrow();
            assertEquals("new label", t3.label());
            assertEquals(99, t3.sourceBytes());
            assertEquals(18, index.tracks().size());
        }
    }

    @Test
    void aFolderThatIsNotAnIndexIsNamed() {
        IOException e = assertThrows(IOException.class, () -> SimilarityIndex.open(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("is not a songspace index"), e.getMessage());
    }
}
