package org.songspace.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** 5 labels with 7..15 tracks each; every artist has 1-4 tracks of one label. */
    private static Dataset dataset() {
        List<Track> tracks = new ArrayList<>();
        int artist = 0;
        for (int l = 0; l < 5; l++) {
            int n = 7 + 2 * l;
            for (int i = 0; i < n; i++) {
                if (i % 3 == 0) {
                    artist++;
                }
                tracks.add(new Track("L" + l + "/t" + i, Path.of("x"), "L" + l, "artist" + artist));
            }
        }
        return new Dataset(Path.of("."), Layout.MANIFEST, tracks);
    }

    private static Map<String, Integer> labelCounts(Dataset ds, List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(ds.byId(id).orElseThrow().label(), 1, Integer::sum));
        return counts;
    }

    @Test
    void holdoutIsDisjointCompleteStratifiedAndSeeded() {
        Dataset ds = dataset();
        Split split = Splitter.holdout(ds, 0.2, 0.2, 42);
        assertEquals(ds.tracks().size(), split.size());
        Set<String> all = new HashSet<>(split.train());
        all.addAll(split.valid());
        all.addAll(split.test());
        assertEquals(ds.tracks().size(), all.size(), "every track exactly once");
        Map<String, Integer> totals = ds.countsByLabel();
        Map<String, Integer> test = labelCounts(ds, split.test());
        for (var e : totals.entrySet()) {
            assertTrue(Math.abs(test.getOrDefault(e.getKey(), 0) - 0.2 * e.getValue()) <= 1, e.getKey());
        }
        assertEquals(split, Splitter.holdout(ds, 0.2, 0.2, 42));
        assertNotEquals(split.test(), Splitter.holdout(ds, 0.2, 0.2, 43).test());
    }

    @Test
    void kFoldUsesEveryTrackOnceAsTestAndStratifies() {
        Dataset ds = dataset();
        List<Fold> folds = Splitter.kFold(ds, 4, 1);
        Set<String> tested = new HashSet<>();
        for (Fold f : folds) {
            assertTrue(f.test().stream().noneMatch(f.train()::contains), "fold " + f.index() + " leaks");
            assertEquals(ds.tracks().size(), f.train().size() + f.test().size());
            f.test().forEach(id -> assertTrue(tested.add(id)));
            Map<String, Integer> counts = labelCounts(ds, f.test());
            for (var e : ds.countsByLabel().entrySet()) {
                assertTrue(Math.abs(counts.getOrDefault(e.getKey(), 0) - e.getValue() / 4.0) <= 1, e.getKey());
            }
        }
        assertEquals(ds.tracks().size(), tested.size());
        int min = folds.stream().mapToInt(f -> f.test().size()).min().orElseThrow();
        int max = folds.stream().mapToInt(f -> f.test().size()).max().orElseThrow();
        assertTrue(max - min <= 1, "fold sizes " + min + ".." + max);
        assertEquals(folds, Splitter.kFold(ds, 4, 1));
    }

    @Test
    void groupSplitsNeverPutOneArtistOnBothSides() {
        Dataset ds = dataset();
        Split split = Splitter.groupHoldout(ds, 0.2, 0.2, 7);
        Map<String, String> partOfArtist = new HashMap<>();
        for (var part : Map.of("train", split.train(), "valid", split.valid(), "test", split.test()).entrySet()) {
            for (String id : part.getValue()) {
                String artist = ds.byId(id).orElseThrow().artist();
                String previous = partOfArtist.put(artist, part.getKey());
                assertTrue(previous == null || previous.equals(part.getKey()), artist + " in " + previous + " and " + part.getKey());
            }
        }
        assertEquals(ds.tracks().size(), split.size());
        // Parts stay near their shares (within one group of 3 tracks), and most labels reach the test part.
        int total = ds.tracks().size();
        assertTrue(Math.abs(split.test().size() - 0.2 * total) <= 3, "test size " + split.test().size());
        assertTrue(Math.abs(split.valid().size() - 0.2 * total) <= 3, "valid size " + split.valid().size());
        Map<String, Integer> test = labelCounts(ds, split.test());
        assertTrue(test.size() >= 4, "test holds most labels: " + test);
        assertEquals(split, Splitter.groupHoldout(ds, 0.2, 0.2, 7));

        for (Fold f : Splitter.groupKFold(ds, 3, 7)) {
            Set<String> trainArtists = new HashSet<>();
            f.train().forEach(id -> trainArtists.add(ds.byId(id).orElseThrow().artist()));
            f.test().forEach(id -> assertTrue(!trainArtists.contains(ds.byId(id).orElseThrow().artist())));
        }
    }

    @Test
    void badArgumentsAreRefused() {
        Dataset ds = dataset();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Splitter.holdout(ds, 0.5, 0.5, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Splitter.kFold(ds, 1, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Split("x", List.of("a"), List.of("a"), List.of()));
    }

    @Test
    void splitDescriptionsReadTheSameInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            List<Track> tracks = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tracks.add(new Track("L" + (i % 2) + "/t" + i, Path.of("x"), "L" + (i % 2), "artist" + (i % 8)));
            }
            Dataset ds = new Dataset(Path.of("."), Layout.FOLDERS, tracks);
            org.junit.jupiter.api.Assertions.assertTrue(Splitter.leakFree(ds, 0.15, 0.25, 1).method().contains("valid=0.15"),
                    Splitter.leakFree(ds, 0.15, 0.25, 1).method());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
