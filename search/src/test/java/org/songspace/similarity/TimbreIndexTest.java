package org.songspace.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureConfig;
import org.songspace.index.Exclusions;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.SimilarityIndex;
import org.songspace.io.Json;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.TimbreFilter;

/**
 * An index of timbre Gaussians (no learned vectors): searched by the Jensen-Shannon divergence, never by
 * cosine on the packed numbers; exact, re-ranked and mutual-proximity searches, mixes and paths all agree
 * with a brute-force divergence ranking. 300 tracks in 6 timbres, each track's MFCC frames drawn around
 * its timbre with its own spread.
 */
class TimbreIndexTest {
    @TempDir
    static Path dir;
    static final Map<String, float[]> GAUSSIANS = new HashMap<>();
    static final List<IndexedTrack> TRACKS = new ArrayList<>();

    @BeforeAll
    static void library() throws Exception {
        Random random = new Random(11);
        int d = GaussianTimbre.COEFFICIENTS;
        for (int style = 0; style < 6; style++) {
            double[] centre = new double[d];
            for (int j = 0; j < d; j++) {
                centre[j] = random.nextGaussian() * (j == 0 ? 30 : 6);
            }
            for (int t = 0; t < 50; t++) {
                double[][] frames = new double[200][d];
                double spread = 0.5 + random.nextDouble();
                double[] own = new double[d];
                for (int j = 0; j < d; j++) {
                    own[j] = centre[j] + random.nextGaussian() * 2;
                }
                for (double[] f : frames) {
                    double shared = random.nextGaussian();
                    for (int j = 0; j < d; j++) {
                        f[j] = own[j] + spread * (random.nextGaussian() + (j < 4 ? shared : 0));
                    }
                }
                String id = "s" + style + "/t" + t;
                GAUSSIANS.put(id, GaussianTimbre.fit(frames));
                String artist = "artist" + style + "-" + (t % 5);
                TRACKS.add(new IndexedTrack(id, "/music/" + id + ".mp3", "s" + style, artist, artist + "-album" + (t % 2),
                        "t" + t, 200, 1, 1, null));
            }
        }
        // The manifest first: it tells the index that its vectors are Gaussians.
        TimbreFilter filter = TimbreFilter.fit(new ArrayList<>(GAUSSIANS.values()));
        Json.write(dir.resolve(IndexManifest.FILE_NAME), new IndexManifest(IndexManifest.FORMAT, "timbre-test",
                GAUSSIANS.values().iterator().next().length, FeatureConfig.librosaDefaults(), null, "/music", TRACKS.size(),
                "now", filter));
        LibraryIndexer.apply(dir, TRACKS, t -> GAUSSIANS.get(t.id()), false, new LibraryIndexer.Listener() { });
    }

    /** The k nearest by brute-force divergence, the query left out. */
    private static List<String> bruteForce(String query, int k) {
        return TRACKS.stream().map(IndexedTrack::id).filter(id -> !id.equals(query))
                .sorted(java.util.Comparator.comparingDouble((String id) ->
                        GaussianTimbre.jensenShannon(GAUSSIANS.get(query), GAUSSIANS.get(id))).thenComparing(id -> id))
                .limit(k).toList();
    }

    @Test
    void searchesRankByTheDivergenceAndReRankingRecoversIt() throws Exception {
        double recallFew = 0;
        try (SimilarityIndex index = SimilarityIndex.open(dir)) {
            assertEquals("exact divergence", index.describeSearch(false));
            for (int q = 0; q < TRACKS.size(); q += 10) {
                String id = TRACKS.get(q).id();
                Exclusions self = Exclusions.ids(Set.of(id));
                List<String> expected = bruteForce(id, 10);
                assertEquals(expected, index.search(GAUSSIANS.get(id), 10, self).stream().map(h -> h.track().id()).toList());
                assertEquals(expected, index.rerankedSearch(GAUSSIANS.get(id), 10, TRACKS.size(), self).stream()
                        .map(h -> h.track().id()).toList(), "every candidate re-ranked is exact");
                assertEquals(expected, index.approximate(GAUSSIANS.get(id), 10, TRACKS.size(), self).stream()
                        .map(h -> h.track().id()).toList(), "every key compared in memory and re-ranked is exact");
                List<String> fromKeys = index.approximate(GAUSSIANS.get(id), 10, 30, self).stream().map(h -> h.track().id()).toList();
                assertEquals(10, fromKeys.size());
                assertTrue(!fromKeys.contains(id) && fromKeys.stream().filter(expected::contains).count() >= 4,
                        "the nearest keys hold the true neighbours: " + fromKeys + " against " + expected);
                recallFew += index.rerankedSearch(GAUSSIANS.get(id), 10, 30, self).stream()
                        .filter(h -> expected.contains(h.track().id())).count() / 10.0;
            }
        }
        recallFew /= TRACKS.size() / 10;
        System.out.printf(java.util.Locale.ROOT, "timbre index: recall@10 %.3f with 30 of 300 candidates re-ranked%n", recallFew);
        // Candidates drawn at random would hold a tenth of the true neighbours.
        assertTrue(recallFew > 0.6, "the filter's candidates hold most true neighbours: " + recallFew);
    }

    @Test
    void mutualProximityMixesAndPathsWorkInTheDivergence() throws Exception {
        try (SimilarityService service = SimilarityService.open(dir)) {
            Seed seed = service.resolve("s0/t0");
            Neighbours mp = service.similar(seed, SearchOptions.builder().k(5).mutualProximity(true).build());
            assertEquals(5, mp.matches().size());
            assertTrue(mp.mode().contains("divergence") && mp.mode().endsWith("mutual proximity"), mp.mode());
            assertTrue(mp.matches().stream().allMatch(m -> m.label().equals("s0")), "same timbre: " + mp.matches());

            List<Match> mix = service.mix(List.of(seed), MixOptions.ofCount(8));
            assertEquals(8, mix.size());
            assertTrue(mix.stream().allMatch(m -> m.similarity() > 0 && m.similarity() <= 1));

            Seed end = service.resolve("s3/t7");
            List<Match> path = service.path(seed, end, 10);
            assertEquals("s0/t0", path.get(0).id());
            assertEquals("s3/t7", path.get(path.size() - 1).id());
            double last = Double.NEGATIVE_INFINITY;
            for (Match m : path) {
                double toEnd = GaussianTimbre.similarity(GAUSSIANS.get(m.id()), GAUSSIANS.get("s3/t7"));
                assertTrue(toEnd > last, "nearer the end by divergence at every step: " + path);
                last = toEnd;
            }
        }
    }

    /**
     * The timbre model ranks by mutual proximity unless asked not to (it measured better on unseen artists),
     * in similar, mixes and paths alike; and its similarity is on the library's own scale.
     */
    @Test
    void mutualProximityIsTheTimbreModelsDefault() throws Exception {
        try (SimilarityService service = SimilarityService.open(dir)) {
            assertTrue(service.mutualProximityByDefault());
            Seed seed = service.resolve("s1/t3");
            Neighbours byDefault = service.similar(seed, SearchOptions.ofK(10));
            Neighbours asked = service.similar(seed, SearchOptions.builder().k(10).mutualProximity(true).build());
            Neighbours off = service.similar(seed, SearchOptions.builder().k(10).mutualProximity(false).build());
            assertTrue(byDefault.mode().endsWith("mutual proximity"), byDefault.mode());
            assertEquals(asked.matches().stream().map(Match::id).toList(), byDefault.matches().stream().map(Match::id).toList());
            assertTrue(!off.mode().contains("mutual proximity") && off.matches().get(0).mutualProximity() == null, off.mode());
            assertEquals(bruteForce("s1/t3", 10), off.matches().stream().map(Match::id).toList());
            assertTrue(off.matches().stream().allMatch(m -> m.similarity() > 0), "neighbours score above 0: " + off.matches());

            List<String> mixDefault = service.mix(List.of(seed), MixOptions.ofCount(12)).stream().map(Match::id).toList();
            List<String> mixOn = service.mix(List.of(seed), new MixOptions(12, 3, 5, true)).stream().map(Match::id).toList();
            assertEquals(mixOn, mixDefault);
        }
    }

    /** An index of the first, symmetrised-KL Gaussians (no divergence in its filter) is refused, saying what to do. */
    @Test
    void anIndexOfTheOlderGaussiansIsRefusedWithWhatToDo(@TempDir Path old) throws java.io.IOException {
        TimbreFilter current = TimbreFilter.fit(new ArrayList<>(GAUSSIANS.values()));
        TimbreFilter older = new TimbreFilter(null, current.mean(), current.std());
        IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT, "timbre-old", 1275, FeatureConfig.librosaDefaults(),
                null, "/music", 3, "then", older);
        Json.write(old.resolve(IndexManifest.FILE_NAME), manifest);
        org.songspace.io.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.songspace.io.UserError.class,
                () -> org.songspace.index.VectorSpace.of(old));
        assertTrue(e.getMessage().contains("older songspace") && e.getMessage().contains("index the library again"),
                e.getMessage());
        assertTrue(current.current() && !older.current());
    }
}
