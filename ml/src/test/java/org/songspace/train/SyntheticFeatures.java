package org.songspace.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.songspace.dataset.Split;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.io.Npy;

/**
 * A tiny features folder for training tests: three labels whose dB spectrograms differ the way styles
 * do (a low drone, a high hiss, a pulse every 8 frames), plus noise, so a model can learn them in seconds.
 */
public final class SyntheticFeatures {
    public final FeatureStore store;
    public final Map<String, String> labels = new HashMap<>();
    public final Split split;

    private SyntheticFeatures(FeatureStore store, Split split) {
        this.store = store;
        this.split = split;
    }

    public static SyntheticFeatures create(Path dir, int perLabel, int frames, long seed) throws IOException {
        FeatureConfig config = FeatureConfig.librosaDefaults();
        Random random = new Random(seed);
        List<FeatureManifest.Track> tracks = new ArrayList<>();
        String[] names = {"drone", "hiss", "pulse"};
        Map<String, String> labels = new HashMap<>();
        List<String> train = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int l = 0; l < names.length; l++) {
            for (int i = 0; i < perLabel; i++) {
                String id = names[l] + "/t" + i;
                float[] v = new float[128 * frames];
                for (int m = 0; m < 128; m++) {
                    for (int t = 0; t < frames; t++) {
                        double x = -60 + 3 * random.nextGaussian();
                        if (l == 0 && m < 24) {
                            x += 40 - m;
                        } else if (l == 1 && m > 90) {
                            x += 25 + random.nextGaussian() * 3;
                        } else if (l == 2 && t % 8 < 2) {
                            x += 35;
                        }
                        v[m * frames + t] = (float) x;
                    }
                }
                Npy.write(dir.resolve(id + ".npy"), v, 128, frames);
                tracks.add(new FeatureManifest.Track(id, "/synthetic/" + id + ".wav", id + ".npy", 0, 0, frames,
                        frames * 512 / 22050.0, 22050, 1, null));
                labels.put(id, names[l]);
                (i < perLabel - 2 ? train : valid).add(id);
            }
        }
        Json.write(dir.resolve(FeatureManifest.FILE_NAME), new FeatureManifest(FeatureManifest.FORMAT, config, null, tracks, List.of(), 0));
        SyntheticFeatures f = new SyntheticFeatures(FeatureStore.open(dir), new Split("synthetic", train, valid, List.of()));
        f.labels.putAll(labels);
        return f;
    }
}
