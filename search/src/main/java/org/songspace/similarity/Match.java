package org.songspace.similarity;

import org.songspace.audio.TrackTags;
import org.songspace.index.IndexedTrack;
import org.songspace.index.SimilarityIndex;

/**
 * One result as every front end shows it (the JSON shape of {@code similar --json} and the web API).
 * {@code mutualProximity} is set when results were ranked by it: the chance that neither track has this
 * many others closer (0..1), which orders them where {@code similarity} (cosine) no longer does.
 * {@code damage} says what was wrong with the file when it was analysed (null: intact).
 */
public record Match(String id, String title, double similarity, String label, String artist, String album, String path,
                    TrackTags tags, Double mutualProximity, String damage) {

    public static Match of(SimilarityIndex.Hit hit) {
        return of(hit, null);
    }

    public static Match of(SimilarityIndex.Hit hit, Double mutualProximity) {
        IndexedTrack t = hit.track();
        return new Match(t.id(), t.title(), hit.similarity(), t.label(), t.artist(), t.album(), t.path(), t.tags(),
                mutualProximity, t.damage());
    }
}
