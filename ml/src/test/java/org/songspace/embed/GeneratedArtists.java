package org.songspace.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.vectors.Vectors;

/**
 * A generated features folder for the linear models' tests: an artist is a spectral envelope (four cosine
 * shapes) and a pulse rate; each track adds its own loudness and brightness (mastering), which vary more than
 * artists do. With styles, each artist's envelope lies near its style's (artist a is in style a mod styles).
 */
final class GeneratedArtists {
    /** What was written: the store, its ids in order, each track's artist and (with styles) style. */
    record Library(FeatureStore store, List<String> ids, Map<String, String> artists, Map<String, String> styles) {
    }

    private GeneratedArtists() {
    }

    /** Writes {@code artists} x {@code tracks} tracks of {@code frames} frames into {@code dir}; 0 styles: none. */
    static Library write(Path dir, int artists, int tracks, int frames, int styles, long seed) throws IOException {
        Random random = new Random(seed);
        double[][] styleShapes = new double[styles][4];
        for (double[] s : styleShapes) {
            for (int h = 0; h < s.length; h++) {
                s[h] = 1.5 * random.nextGaussian();
            }
        }
        List<FeatureManifest.Track> written = new ArrayList<>();
        Map<String, String> artistOf = new HashMap<>();
        Map<String, String> styleOf = new HashMap<>();
        for (int a = 0; a < artists; a++) {
            double[] shape = new double[4];
            for (int h = 0; h < shape.length; h++) {
                shape[h] = styles > 0 ? styleShapes[a % styles][h] + 0.5 * random.nextGaussian() : random.nextGaussian();
            }
            int pulse = 3 + random.nextInt(8);
            for (int k = 0; k < tracks; k++) {
                String id = String.format(Locale.ROOT, "a%02d/t%d", a, k);
                Files.createDirectories(dir.resolve(id).getParent());
                Npy.write(dir.resolve(id + ".npy"), track(random, shape, pulse, frames), 128, frames);
                written.add(new FeatureManifest.Track(id, "/synthetic/" + id + ".wav", id + ".npy", 0, 0, frames,
                        frames * 512 / 22050.0, 22050, 1, null));
                artistOf.put(id, "Artist " + a);
                if (styles > 0) {
                    styleOf.put(id, "style " + a % styles);
                }
            }
        }
        Json.write(dir.resolve(FeatureManifest.FILE_NAME),
                new FeatureManifest(FeatureManifest.FORMAT, FeatureConfig.librosaDefaults(), null, written, List.of(), 0));
        return new Library(FeatureStore.open(dir), written.stream().map(FeatureManifest.Track::id).toList(), artistOf,
                styleOf);
    }

    /** One track's dB log-mel: the artist's envelope moved by the track's mastering, its pulse, noise. */
    private static float[] track(Random random, double[] shape, int pulse, int frames) {
        double loudness = 10 * random.nextGaussian();
        double brightness = 8 * random.nextGaussian();
        float[] db = new float[128 * frames];
        for (int m = 0; m < 128; m++) {
            double x = m / 127.0;
            double envelope = -40 + loudness + brightness * x;
            for (int h = 0; h < shape.length; h++) {
                envelope += 4 * shape[h] * Math.cos(Math.PI * (h + 1) * x);
            }
            for (int t = 0; t < frames; t++) {
                double beat = t % pulse == 0 ? 6 : 0;
                db[m * frames + t] = (float) (envelope + beat + 3 * random.nextGaussian());
            }
        }
        return db;
    }

    /** Of each vector's 5 nearest (cosine) among the others, the share in its own group (5 could be). */
    static double sameGroupShare(float[][] vectors, List<String> ids, Map<String, String> groups) {
        int hits = 0;
        for (int i = 0; i < vectors.length; i++) {
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < vectors.length; j++) {
                if (j != i) {
                    order.add(j);
                }
            }
            final int q = i;
            order.sort((a, b) -> Double.compare(Vectors.cosine(vectors[q], vectors[b]), Vectors.cosine(vectors[q], vectors[a])));
            for (int j : order.subList(0, 5)) {
                hits += groups.get(ids.get(j)).equals(groups.get(ids.get(i))) ? 1 : 0;
            }
        }
        return hits / (5.0 * vectors.length);
    }
}
