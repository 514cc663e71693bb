package org.songspace.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Split;
import org.songspace.dataset.Track;
import org.songspace.embed.TagModel;
import org.songspace.embed.TimbreModel;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.io.Npy;

/**
 * A new index gets the timbre model whatever the library's size; the contrastive encoder, when asked for,
 * holds whole artists out for its stopping score, whatever the folders are called.
 */
class LabelFreeModelTest {
    @TempDir
    Path tmp;

    @Test
    void aLargeLibraryWithoutAModelGetsTheTimbreModelAtOnce() throws IOException {
        // 400 tracks: the size from which the contrastive encoder used to be trained first (minutes of waiting).
        FeatureStore store = library(400, 7, 7);
        List<String> ids = new ArrayList<>(store.tracks().keySet());
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Path model = tmp.resolve("model");
        LabelFreeModel.build(new LabelFreeModel.Library(Path.of("/music"), store, ids, null, Map.of()), model, null,
                new PrintStream(said, true, StandardCharsets.UTF_8), null);
        String text = said.toString(StandardCharsets.UTF_8);
        assertTrue(TimbreModel.isTimbreModel(model), text);
        assertTrue(text.contains("no --model given") && text.contains("classic timbre model"), text);
        assertTrue(!Files.exists(model.resolve("model.json")), "nothing trained");
    }

    @Test
    void aLibraryNamingTwentyArtistsLearnsFromItsTagsAndFewerGetTheTimbreModel() throws IOException {
        FeatureStore store = library(60, 3, 20);
        List<String> ids = new ArrayList<>(store.tracks().keySet());
        Map<String, String> artists = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            // Case and spacing aside, 20 artists of 3 tracks each.
            artists.put("t" + i, "Band " + (i % 20) + (i % 3 == 0 ? " " : ""));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Path model = tmp.resolve("model");
        LabelFreeModel.build(new LabelFreeModel.Library(Path.of("/music"), store, ids, null, artists), model, null,
                new PrintStream(said, true, StandardCharsets.UTF_8), null);
        String text = said.toString(StandardCharsets.UTF_8);
        assertTrue(TagModel.isTagModel(model), text);
        assertEquals(LabelFreeModel.Kind.TAGS, LabelFreeModel.kindOf(model));
        assertTrue(text.contains("20 artists name two or more tracks") && text.contains("artist tags"), text);
        assertTrue(text.contains("19 dimensions learned from 20 artists on 60 tagged tracks"), text);

        // 19 artists: under the threshold, the timbre model, and the output says why.
        Map<String, String> fewer = new HashMap<>(artists);
        fewer.replaceAll((id, a) -> a.strip().equals("Band 19") ? "Band 18" : a);
        ByteArrayOutputStream said2 = new ByteArrayOutputStream();
        Path other = tmp.resolve("model2");
        LabelFreeModel.build(new LabelFreeModel.Library(Path.of("/music"), store, ids, null, fewer), other, null,
                new PrintStream(said2, true, StandardCharsets.UTF_8), null);
        String text2 = said2.toString(StandardCharsets.UTF_8);
        assertTrue(TimbreModel.isTimbreModel(other), text2);
        assertTrue(text2.contains("19 artists name two or more tracks each, under the 20"), text2);
    }

    /** {@code count} random dB spectrograms "t0".."tN" in {@code tmp}, track i sloping by {@code i % kinds}. */
    private FeatureStore library(int count, long seed, int kinds) throws IOException {
        Random random = new Random(seed);
        List<FeatureManifest.Track> tracks = new ArrayList<>();
        int frames = 24;
        for (int i = 0; i < count; i++) {
            float[] db = new float[128 * frames];
            for (int k = 0; k < db.length; k++) {
                db[k] = (float) (-50 + 10 * random.nextGaussian() - (k / frames) * (i % kinds) / 10.0);
            }
            String id = "t" + i;
            Npy.write(tmp.resolve(id + ".npy"), db, 128, frames);
            tracks.add(new FeatureManifest.Track(id, "/music/" + id + ".mp3", id + ".npy", 0, 0, frames,
                    frames * 512 / 22050.0, 22050, 1, null));
        }
        Json.write(tmp.resolve(FeatureManifest.FILE_NAME),
                new FeatureManifest(FeatureManifest.FORMAT, FeatureConfig.librosaDefaults(), null, tracks, List.of(), 0));
        return FeatureStore.open(tmp);
    }

    @Test
    void artistFoldersStillHoldArtistsOut() {
        // A library laid out Artist/Album/Track: its folder "labels" are its artists, 25 of 40 tracks each.
        // Balancing those labels across the split once kept every artist in training: nothing held out.
        List<Track> tracks = new ArrayList<>();
        Map<String, String> artists = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String artist = "Artist " + (i % 25);
            String id = artist + "/Album/" + i;
            tracks.add(new Track(id, Path.of("/music/" + id + ".mp3"), artist, artist, "t" + i, "Album " + (i % 25)));
            artists.put(id, artist);
        }
        Dataset dataset = new Dataset(Path.of("/music"), Layout.FOLDERS, tracks);
        List<String> ids = tracks.stream().map(Track::id).toList();
        Split split = LabelFreeModel.split(new LabelFreeModel.Library(Path.of("/music"), null, ids, dataset, artists));
        assertTrue(split.valid().size() >= 40 && split.valid().size() <= 160, "about a tenth held out: " + split.valid().size());
        assertEquals(1000, split.train().size() + split.valid().size());
        Set<String> heldOut = new HashSet<>();
        split.valid().forEach(id -> heldOut.add(artists.get(id)));
        split.train().forEach(id -> assertTrue(!heldOut.contains(artists.get(id)), "whole artists only: " + id));
    }

    @Test
    void withoutArtistsATenthIsHeldOutAtRandom() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("t" + i);
        }
        Split split = LabelFreeModel.split(new LabelFreeModel.Library(Path.of("/music"), null, ids, null, Map.of()));
        assertEquals(30, split.valid().size());
        assertEquals(270, split.train().size());
    }
}
