package org.songspace.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureStore;
import org.songspace.vectors.Vectors;

/**
 * A generated library of 24 artists in 4 styles (an artist is a spectral envelope around its style's, with
 * its own pulse; each track its own loudness and brightness): the axes fitted on its labels and artists sit
 * beside an encoder's vector as the stored files say, read back exactly, and bring the vector's style
 * neighbours where the encoder alone (here: noise) has none.
 */
class DescriptorAxesTest {
    private static final int ARTISTS = 24;
    private static final int TRACKS = 5;
    private static final int STYLES = 4;
    private static final int FRAMES = 100;

    @TempDir
    Path dir;

    @Test
    void labelAndArtistAxesSitBesideTheEncodersVectorAndReadBackExactly() throws IOException {
        GeneratedArtists.Library library = library();
        List<String> ids = library.ids();
        FeatureStore store = library.store();
        DescriptorAxes axes = DescriptorAxes.fit(store, ids, library.styles(), library.artists()).orElseThrow();
        List<DescriptorAxes.Part> parts = axes.manifest().parts();
        assertEquals(2, parts.size());
        assertEquals(new DescriptorAxes.Part("labels", STYLES, STYLES - 1, "descriptor-labels.npy"), parts.get(0));
        assertEquals("artists", parts.get(1).groups());
        assertEquals(ARTISTS - 1, parts.get(1).axes(), "one axis per artist less one, under the 30 asked");
        assertEquals(STYLES - 1 + ARTISTS - 1, axes.dimension());

        Path folder = dir.resolve("model");
        Files.createDirectories(folder);
        axes.write(folder);
        DescriptorAxes read = DescriptorAxes.read(folder).orElseThrow();
        assertEquals(axes.files(), read.files());
        Random random = new Random(3);
        float[][] fused = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            float[] encoded = unitNoise(random, 16);
            fused[i] = axes.besides(encoded, store.load(ids.get(i)));
            assertArrayEquals(fused[i], read.besides(encoded, store.load(ids.get(i))), 0f, "read back exactly");
            assertEquals(16 + axes.dimension(), fused[i].length);
            assertEquals(1.0, Vectors.dot(fused[i], fused[i]), 1e-5, "unit length");
            // The encoder's part keeps its direction; it has length 1 against each axes part's 0.5 before the
            // whole is scaled to unit length.
            float[] head = java.util.Arrays.copyOf(fused[i], 16);
            assertEquals(1.0, Vectors.dot(head, encoded) / Math.sqrt(Vectors.dot(head, head)), 1e-5);
            assertEquals(1 / Math.sqrt(1 + 2 * 0.25), Math.sqrt(Vectors.dot(head, head)), 1e-4);
        }
        double share = GeneratedArtists.sameGroupShare(fused, ids, library.styles());
        System.out.printf(Locale.ROOT, "noise encoder with descriptor axes: same-style share of the top 5 %.2f (chance 0.21)%n", share);
        assertTrue(share > 0.6, "style neighbours through the axes: " + share);

        DescriptorAxes.remove(folder);
        assertFalse(DescriptorAxes.read(folder).isPresent());
        assertTrue(Files.list(folder).findAny().isEmpty(), "remove leaves no part behind");
    }

    @Test
    void fewArtistsOrArtistLabelsGiveLabelAxesOnlyAndOneLabelNone() throws IOException {
        GeneratedArtists.Library library = library();
        List<String> ids = library.ids();
        FeatureStore store = library.store();
        Map<String, String> labels = library.styles();
        Map<String, String> artists = library.artists();
        Map<String, String> fewArtists = new HashMap<>();
        artists.forEach((id, a) -> {
            if (Integer.parseInt(a.substring(7)) < TagModel.MIN_ARTISTS - 1) {
                fewArtists.put(id, a);
            }
        });
        DescriptorAxes labelsOnly = DescriptorAxes.fit(store, ids, labels, fewArtists).orElseThrow();
        assertEquals(List.of("labels"), labelsOnly.manifest().parts().stream().map(DescriptorAxes.Part::groups).toList());
        Map<String, String> oneLabel = new HashMap<>();
        ids.forEach(id -> oneLabel.put(id, "rock"));
        assertTrue(DescriptorAxes.fit(store, ids, oneLabel, artists).isEmpty());
        assertTrue(DescriptorAxes.fit(store, ids, Map.of(), artists).isEmpty());
        DescriptorAxes onArtists = DescriptorAxes.fit(store, ids, artists, artists).orElseThrow();
        assertEquals(List.of("labels"), onArtists.manifest().parts().stream().map(DescriptorAxes.Part::groups).toList(),
                "labels that are the artists are not fitted twice");
    }

    private GeneratedArtists.Library library() throws IOException {
        return GeneratedArtists.write(dir, ARTISTS, TRACKS, FRAMES, STYLES, 7);
    }

    private static float[] unitNoise(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalise(v);
    }
}
