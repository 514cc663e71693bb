package org.songspace.index;

import java.io.IOException;
import java.util.List;

/**
 * Every track of an open index with its vector, read at most once however many of the update's
 * after-steps (map layout, hubness statistics) need it.
 */
final class LibraryVectors {
    private final SimilarityIndex index;
    private List<IndexedTrack> all;

    LibraryVectors(SimilarityIndex index) {
        this.index = index;
    }

    List<IndexedTrack> all() throws IOException {
        if (all == null) {
            all = index.all();
        }
        return all;
    }
}
