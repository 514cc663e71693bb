package org.songspace.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureStore;
import org.songspace.features.TrackDescriptor;
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
        GeneratedArtists.Library library = GeneratedArtists.write(dir, ARTISTS, TRACKS, FRAMES, 0, 11);
        Map<String, String> artists = library.artists();
        List<String> ids = library.ids();
        FeatureStore store = library.store();
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
        double tagged = GeneratedArtists.sameGroupShare(learned, unseen, artists);
        double plain = GeneratedArtists.sameGroupShare(raw, unseen, artists);
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
        List<String> ids = GeneratedArtists.write(dir, ARTISTS, TRACKS, FRAMES, 0, 11).ids();
        Map<String, String> one = Map.of(ids.get(0), "Artist 0", ids.get(1), "Artist 0", ids.get(7), "Artist 1");
        UserError e = assertThrows(UserError.class,
                () -> TagModel.build(FeatureStore.open(dir), ids, one, dir.resolve("m"), "/synthetic"));
        assertTrue(e.getMessage().contains("at least 2 artists") && e.getMessage().contains("--model timbre"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("m").resolve(TagModel.MANIFEST)));
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
}
