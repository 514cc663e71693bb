package org.songspace.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.songspace.io.Json;
import org.songspace.io.Npy;

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
        Map<String, String> labels = new HashMap<>();
        Map<String, String> artists = new HashMap<>();
        List<String> ids = generate(labels, artists);
        FeatureStore store = FeatureStore.open(dir);
        DescriptorAxes axes = DescriptorAxes.fit(store, ids, labels, artists).orElseThrow();
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
            assertEquals(1.0, dot(fused[i], fused[i]), 1e-5, "unit length");
            // The encoder's part keeps its direction; it has length 1 against each axes part's 0.5 before the
            // whole is scaled to unit length.
            float[] head = java.util.Arrays.copyOf(fused[i], 16);
            assertEquals(1.0, dot(head, encoded) / Math.sqrt(dot(head, head)), 1e-5);
            assertEquals(1 / Math.sqrt(1 + 2 * 0.25), Math.sqrt(dot(head, head)), 1e-4);
        }
        double share = sameLabelShare(fused, ids, labels);
        System.out.printf(Locale.ROOT, "noise encoder with descriptor axes: same-style share of the top 5 %.2f (chance 0.21)%n", share);
        assertTrue(share > 0.6, "style neighbours through the axes: " + share);

        DescriptorAxes.remove(folder);
        assertFalse(DescriptorAxes.read(folder).isPresent());
        assertTrue(Files.list(folder).findAny().isEmpty(), "remove leaves no part behind");
    }

    @Test
    void fewArtistsOrArtistLabelsGiveLabelAxesOnlyAndOneLabelNone() throws IOException {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> artists = new HashMap<>();
        List<String> ids = generate(labels, artists);
        FeatureStore store = FeatureStore.open(dir);
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

    private static float[] unitNoise(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < n; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Of each track's 5 nearest (cosine; vectors are unit length) among the others, the share of its label. */
    private static double sameLabelShare(float[][] vectors, List<String> ids, Map<String, String> labels) {
        int hits = 0;
        for (int i = 0; i < vectors.length; i++) {
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < vectors.length; j++) {
                if (j != i) {
                    order.add(j);
                }
            }
            final int q = i;
            order.sort((a, b) -> Double.compare(dot(vectors[q], vectors[b]), dot(vectors[q], vectors[a])));
            for (int j : order.subList(0, 5)) {
                hits += labels.get(ids.get(j)).equals(labels.get(ids.get(i))) ? 1 : 0;
            }
        }
        return hits / (5.0 * vectors.length);
    }

    private List<String> generate(Map<String, String> labels, Map<String, String> artists) throws IOException {
        Random random = new Random(7);
        double[][] styles = new double[STYLES][4];
        for (double[] s : styles) {
            for (int h = 0; h < s.length; h++) {
                s[h] = 1.5 * random.nextGaussian();
            }
        }
        List<FeatureManifest.Track> tracks = new ArrayList<>();
        for (int a = 0; a < ARTISTS; a++) {
            int style = a % STYLES;
            double[] shape = new double[4];
            for (int h = 0; h < shape.length; h++) {
                shape[h] = styles[style][h] + 0.5 * random.nextGaussian();
            }
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
                        db[m * FRAMES + t] = (float) (envelope + (t % pulse == 0 ? 6 : 0) + 3 * random.nextGaussian());
                    }
                }
                String id = String.format(Locale.ROOT, "a%02d/t%d", a, k);
                Files.createDirectories(dir.resolve(id).getParent());
                Npy.write(dir.resolve(id + ".npy"), db, 128, FRAMES);
                tracks.add(new FeatureManifest.Track(id, "/synthetic/" + id + ".wav", id + ".npy", 0, 0, FRAMES,
                        FRAMES * 512 / 22050.0, 22050, 1, null));
                labels.put(id, "style " + style);
                artists.put(id, "Artist " + a);
            }
        }
        Json.write(dir.resolve(FeatureManifest.FILE_NAME),
                new FeatureManifest(FeatureManifest.FORMAT, FeatureConfig.librosaDefaults(), null, tracks, List.of(), 0));
        return tracks.stream().map(FeatureManifest.Track::id).toList();
    }
}
