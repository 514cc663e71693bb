package org.songspace.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.features.TrackDescriptor;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.io.UserError;
import org.songspace.vectors.EmbeddingDiagnostics;

/**
 * A generated library of 24 artists, 6 tracks each: an artist is a spectral envelope and a pulse rate; each
 * track adds its own loudness and brightness (mastering), which vary more than artists do. Fitted on the tags
 * of 16 artists, the tag model must put the other 8 artists' tracks next to their own artist's, far better
 * than the raw descriptor (which the mastering dominates), without collapsing.
 */
class TagModelTest {
    private static final int ARTISTS = 24;
    private static final int TRACKS = 6;
    private static final int FRAMES = 120;

    @TempDir
    Path dir;

    @Test
    void unseenArtistsTracksFindEachOtherAndTheSpaceDoesNotCollapse() throws IOException {
        Map<String, String> artists = new HashMap<>();
        List<String> ids = generate(artists);
        FeatureStore store = FeatureStore.open(dir);
        Map<String, String> taught = new HashMap<>();
        artists.forEach((id, a) -> {
            if (Integer.parseInt(a.substring(7)) < 16) {
                taught.put(id, a);
            }
        });
        Path folder = dir.resolve("model");
        TagModel.Manifest m = TagModel.build(store, ids, taught, folder, "/synthetic");
        assertEquals(16, m.artists());
        assertEquals(15, m.dimension(), "one direction per artist less one, under the 30 asked");
        List<String> unseen = ids.stream().filter(id -> !taught.containsKey(id)).toList();
        float[][] learned = new float[unseen.size()][];
        float[][] raw = new float[unseen.size()][];
        try (TrackEmbedder model = TrackEmbedder.open(folder)) {
            assertTrue(model instanceof TagModel);
            for (int i = 0; i < learned.length; i++) {
                learned[i] = model.embed(store.load(unseen.get(i)));
                raw[i] = TrackDescriptor.of(store.load(unseen.get(i)));
            }
            assertArrayEquals(learned[0], TagModel.open(folder).embed(store.load(unseen.get(0))), 1e-6f, "reopened alike");
        }
        standardise(raw);
        double tagged = sameArtistShare(learned, unseen, artists);
        double plain = sameArtistShare(raw, unseen, artists);
        EmbeddingDiagnostics diagnostics = EmbeddingDiagnostics.of(learned);
        System.out.printf(Locale.ROOT, "unseen artists' same-artist share of the top 5: tag model %.2f, raw descriptor %.2f; "
                + "mean cosine %.3f, effective rank %.1f%n", tagged, plain, diagnostics.meanPairwiseCosine(),
                diagnostics.effectiveRank());
        assertTrue(tagged >= 0.65, "tag model: " + tagged);
        assertTrue(tagged >= plain + 0.25, "tag model " + tagged + " against raw descriptor " + plain);
        assertTrue(diagnostics.meanPairwiseCosine() < 0.2 && diagnostics.effectiveRank() > 5, diagnostics.toString());
    }

    @Test
    void tooFewTaggedArtistsIsAClearError() throws IOException {
        Map<String, String> artists = new HashMap<>();
        List<String> ids = generate(artists);
        Map<String, String> one = Map.of(ids.get(0), "Artist 0", ids.get(1), "Artist 0", ids.get(7), "Artist 1");
        UserError e = assertThrows(UserError.class,
                () -> TagModel.build(FeatureStore.open(dir), ids, one, dir.resolve("m"), "/synthetic"));
        assertTrue(e.getMessage().contains("at least 2 artists") && e.getMessage().contains("--model timbre"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("m").resolve(TagModel.MANIFEST)));
    }

    /** Of each track's 5 nearest (cosine) among the others, the share by its own artist (5 could be). */
    private static double sameArtistShare(float[][] vectors, List<String> ids, Map<String, String> artists) {
        int hits = 0;
        for (int i = 0; i < vectors.length; i++) {
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < vectors.length; j++) {
                if (j != i) {
                    order.add(j);
                }
            }
            final int q = i;
            order.sort((a, b) -> Double.compare(cosine(vectors[q], vectors[b]), cosine(vectors[q], vectors[a])));
            for (int j : order.subList(0, 5)) {
                hits += artists.get(ids.get(j)).equals(artists.get(ids.get(i))) ? 1 : 0;
            }
        }
        return hits / (5.0 * vectors.length);
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb + 1e-30);
    }

    private static void standardise(float[][] rows) {
        for (int c = 0; c < rows[0].length; c++) {
            double s = 0;
            double ss = 0;
            for (float[] r : rows) {
                s += r[c];
                ss += r[c] * r[c];
            }
            double mean = s / rows.length;
            double sd = Math.sqrt(Math.max(ss / rows.length - mean * mean, 0)) + 1e-9;
            for (float[] r : rows) {
                r[c] = (float) ((r[c] - mean) / sd);
            }
        }
    }

    private List<String> generate(Map<String, String> artists) throws IOException {
        Random random = new Random(11);
        List<FeatureManifest.Track> tracks = new ArrayList<>();
        for (int a = 0; a < ARTISTS; a++) {
            double[] shape = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            int pulse = 3 + random.nextInt(8);
            for (int k = 0; k < TRACKS; k++) {
                double loudness = 10 * random.nextGaussian();
                double brightness = 8 * random.nextGaussian();
                float[] db = new float[128 * FRAMES];
                for (int m = 0; m < 128; m++) {
                    double x = m / 127.0;
                    double envelope = -40 + loudness + brightness * x;
                    for (int h = 0; h < shape.length; h++) {
                        envelope += 4 * shape[h] * Math.cos(Math.PI * (h + 1) * x);
                    }
                    for (int t = 0; t < FRAMES; t++) {
                        double beat = t % pulse == 0 ? 6 : 0;
                        db[m * FRAMES + t] = (float) (envelope + beat + 3 * random.nextGaussian());
                    }
                }
                String id = String.format(Locale.ROOT, "a%02d/t%d", a, k);
                Files.createDirectories(dir.resolve(id).getParent());
                Npy.write(dir.resolve(id + ".npy"), db, 128, FRAMES);
                tracks.add(new FeatureManifest.Track(id, "/synthetic/" + id + ".wav", id + ".npy", 0, 0, FRAMES,
                        FRAMES * 512 / 22050.0, 22050, 1, null));
                artists.put(id, "Artist " + a);
            }
        }
        Json.write(dir.resolve(FeatureManifest.FILE_NAME),
                new FeatureManifest(FeatureManifest.FORMAT, FeatureConfig.librosaDefaults(), null, tracks, List.of(), 0));
        return tracks.stream().map(FeatureManifest.Track::id).toList();
    }
}
