package org.songspace.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureConfig;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.io.Json;
import org.songspace.vectors.Vectors;

/**
 * A fixture library with known artists and albums: 4 styles x 3 artists x 2 albums x 3 tracks, each style
 * a direction in 32-d and each artist a little apart inside it, so that an artist's own tracks are the
 * nearest to each other and a plain neighbour list is full of the seed's artist.
 */
class MixPlannerTest {
    @TempDir
    static Path dir;
    static final Map<String, float[]> VECTORS = new HashMap<>();
    static final List<IndexedTrack> TRACKS = new ArrayList<>();

    @BeforeAll
    static void library() throws Exception {
        Random random = new Random(3);
        for (int style = 0; style < 4; style++) {
            for (int artist = 0; artist < 3; artist++) {
                float[] artistDirection = new float[32];
                for (int j = 0; j < 32; j++) {
                    artistDirection[j] = (float) (0.25 * random.nextGaussian());
                }
                for (int album = 0; album < 2; album++) {
                    for (int track = 0; track < 3; track++) {
                        float[] v = artistDirection.clone();
                        v[style] += 1;
                        for (int j = 0; j < 32; j++) {
                            v[j] += (float) (0.05 * random.nextGaussian());
                        }
                        String name = "s" + style + "-a" + artist;
                        String id = name + "/al" + album + "/t" + track;
                        VECTORS.put(id, v);
                        TRACKS.add(new IndexedTrack(id, "/music/" + id + ".mp3", "s" + style, name, name + "-al" + album,
                                "t" + track, 200, 1, 1, null));
                    }
                }
            }
        }
        LibraryIndexer.apply(dir, TRACKS, t -> VECTORS.get(t.id()), false, new LibraryIndexer.Listener() { });
        Json.write(dir.resolve(IndexManifest.FILE_NAME), new IndexManifest(IndexManifest.FORMAT, "synthetic", 32,
                FeatureConfig.librosaDefaults(), null, "/music", TRACKS.size(), "now"));
    }

    private static List<String> artists(List<Match> mix, Seed seed) {
        List<String> out = new ArrayList<>();
        out.add(seed.track().artist());
        mix.forEach(m -> out.add(m.artist()));
        return out;
    }

    @Test
    void aMixNeverRepeatsTheSeedOrAnArtistOrAlbumWithinItsWindow() throws Exception {
        try (SimilarityService service = SimilarityService.open(dir)) {
            Seed seed = service.resolve("s0-a0/al0/t0");
            List<Match> plain = service.mix(List.of(seed), new MixOptions(10, 0, 0));
            long sameArtist = plain.stream().filter(m -> "s0-a0".equals(m.artist())).count();
            assertTrue(sameArtist >= 4, "without variety rules the seed's artist fills the list: " + artists(plain, seed));

            List<Match> varied = service.mix(List.of(seed), new MixOptions(10, 3, 5));
            assertEquals(10, varied.size());
            assertTrue(varied.stream().noneMatch(m -> m.id().equals(seed.track().id())), "never the seed");
            List<String> artists = artists(varied, seed);
            List<String> albums = new ArrayList<>();
            albums.add(seed.track().album());
            varied.forEach(m -> albums.add(m.album()));
            for (int i = 1; i < artists.size(); i++) {
                for (int back = 1; back <= 3 && i - back >= 0; back++) {
                    assertFalse(artists.get(i).equals(artists.get(i - back)), "artist repeated within 3: " + artists);
                }
                for (int back = 1; back <= 5 && i - back >= 0; back++) {
                    assertFalse(albums.get(i).equals(albums.get(i - back)), "album repeated within 5: " + albums);
                }
            }
            assertTrue(varied.stream().allMatch(m -> m.similarity() >= 0 && m.similarity() <= 1), "similarity in [0, 1]");
            for (int i = 1; i < plain.size(); i++) {
                assertTrue(plain.get(i - 1).similarity() >= plain.get(i).similarity(), "most similar first");
            }
        }
    }

    @Test
    void severalSeedsMixBothStylesAndLeaveEverySeedOut() throws Exception {
        try (SimilarityService service = SimilarityService.open(dir)) {
            Seed a = service.resolve("s0-a0/al0/t0");
            Seed b = service.resolve("s1-a1/al1/t2");
            List<Match> mix = service.mix(List.of(a, b), new MixOptions(8, 1, 1));
            Set<String> styles = new HashSet<>();
            mix.forEach(m -> styles.add(m.label()));
            assertTrue(styles.containsAll(List.of("s0", "s1")), "both seeds' styles: " + styles);
            assertTrue(mix.stream().noneMatch(m -> m.id().equals(a.track().id()) || m.id().equals(b.track().id())));
        }
    }

    @Test
    void aPathStartsAndEndsRightNeverRepeatsAndNearsTheEndEveryStep() throws Exception {
        try (SimilarityService service = SimilarityService.open(dir)) {
            Seed start = service.resolve("s0-a0/al0/t0");
            Seed end = service.resolve("s2-a2/al1/t1");
            List<Match> path = service.path(start, end, 12);
            assertTrue(path.size() >= 4 && path.size() <= 12, "path length " + path.size());
            assertEquals(start.track().id(), path.get(0).id());
            assertEquals(end.track().id(), path.get(path.size() - 1).id());
            assertEquals(1.0, path.get(0).similarity(), 1e-9, "the start is itself");
            assertEquals(path.size(), path.stream().map(Match::id).distinct().count(), "no repeats");
            double last = -2;
            for (Match m : path) {
                double toEnd = Vectors.cosine(VECTORS.get(m.id()), VECTORS.get(end.track().id()));
                assertTrue(toEnd > last, "each step closer to the end: " + path.stream().map(Match::id).toList());
                last = toEnd;
            }
            assertEquals(2, service.path(start, end, 2).size(), "count 2: just the two songs");
        }
    }
}
