package org.songspace.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureConfig;
import org.songspace.index.HubnessStats;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.io.Json;

/**
 * A library with one hub: a track between two broad clusters in 512-d, closer by cosine to most tracks
 * than their own cluster-mates are. Plain search lists it for nearly everyone; mutual proximity does not.
 */
class MutualProximityTest {
    @TempDir
    Path dir;

    @Test
    void theHubLeavesEveryonesListAndClusterMatesTakeItsPlace() throws Exception {
        Random random = new Random(5);
        Map<String, float[]> vectors = new HashMap<>();
        List<IndexedTrack> tracks = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 60; i++) {
                float[] v = new float[512];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) (0.2 * random.nextGaussian());
                }
                v[c] += 1;
                String id = "c" + c + "/t" + i;
                vectors.put(id, v);
                tracks.add(new IndexedTrack(id, "/music/" + id + ".mp3", "c" + c, null, 30, 1, 1, null));
            }
        }
        float[] hub = new float[512];
        hub[0] = 1;
        hub[1] = 1;
        vectors.put("hub", hub);
        tracks.add(new IndexedTrack("hub", "/music/hub.mp3", null, null, 30, 1, 1, null));
        LibraryIndexer.apply(dir, tracks, t -> vectors.get(t.id()), false, new LibraryIndexer.Listener() { });
        Json.write(dir.resolve(IndexManifest.FILE_NAME), new IndexManifest(IndexManifest.FORMAT, "synthetic", 512,
                FeatureConfig.librosaDefaults(), null, "/music", tracks.size(), "now"));
        assertTrue(HubnessStats.exists(dir), "index writes the hubness statistics");

        int rawHub = 0;
        int mpHub = 0;
        int rawSameCluster = 0;
        int mpSameCluster = 0;
        try (SimilarityService service = SimilarityService.open(dir)) {
            // Learned embeddings measured no steady gain from it: plain cosine unless asked.
            org.junit.jupiter.api.Assertions.assertFalse(service.mutualProximityByDefault());
            for (IndexedTrack t : tracks) {
                if (t.id().equals("hub")) {
                    continue;
                }
                Seed seed = service.resolve(t.id());
                Neighbours raw = service.similar(seed, SearchOptions.builder().k(5).exact(true).build());
                Neighbours mp = service.similar(seed, SearchOptions.builder().k(5).exact(true).mutualProximity(true).build());
                assertEquals(5, mp.matches().size());
                rawHub += raw.matches().stream().anyMatch(m -> m.id().equals("hub")) ? 1 : 0;
                mpHub += mp.matches().stream().anyMatch(m -> m.id().equals("hub")) ? 1 : 0;
                String cluster = t.label();
                rawSameCluster += (int) raw.matches().stream().filter(m -> cluster.equals(m.label())).count();
                mpSameCluster += (int) mp.matches().stream().filter(m -> cluster.equals(m.label())).count();
                assertTrue(mp.mode().endsWith("mutual proximity"), mp.mode());
            }
        }
        System.out.printf(java.util.Locale.ROOT, "hub in plain top-5 lists: %d of 120, with mutual proximity: %d; "
                + "same-cluster matches %d -> %d of 600%n", rawHub, mpHub, rawSameCluster, mpSameCluster);
        assertTrue(rawHub >= 90, "the hub is in most plain lists: " + rawHub + " of 120");
        assertTrue(mpHub <= 30, "mutual proximity keeps the hub out of most lists: " + mpHub + " of 120");
        assertTrue(mpSameCluster > rawSameCluster, "cluster-mates take its place: " + mpSameCluster + " vs " + rawSameCluster);
    }
}
