package org.songspace.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Split;
import org.songspace.dataset.Track;

/** The label-free default holds whole artists out for its stopping score, whatever the folders are called. */
class LabelFreeModelTest {

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
