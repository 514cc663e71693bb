package org.songspace.dataset;

import java.util.Locale;

/** How a collection on disk says what its tracks and labels are. */
public enum Layout {
    /** {@code genres/<genre>/<genre>.000NN.au} or {@code genres_original/<genre>/<genre>.000NN.wav}; label = folder. */
    GTZAN,
    /** {@code <root>/<label>/**}{@code /*.<audio>}; label = first-level folder. */
    FOLDERS,
    /** A CSV with a header: {@code path,label[,artist][,...]}, paths relative to the CSV. */
    MANIFEST,
    /** Any folder of audio; no labels. */
    UNLABELED;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
