package org.songspace.similarity;

import org.songspace.audio.TrackTags;
import org.songspace.index.IndexedTrack;
import org.songspace.index.SimilarityIndex;

/** One result as every front end shows it (the JSON shape of {@code similar --json} and the web API). */
public record Match(String id, String title, double similarity, String label, String artist, String album, String path,
                    TrackTags tags) {

    public static Match of(SimilarityIndex.Hit hit) {
        IndexedTrack t = hit.track();
        return new Match(t.id(), t.title(), hit.similarity(), t.label(), t.artist(), t.album(), t.path(), t.tags());
    }
}
