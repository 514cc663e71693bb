package org.songspace.index;

import org.songspace.audio.Excerpt;
import org.songspace.features.FeatureConfig;
import org.songspace.vectors.TimbreFilter;

/**
 * {@code index.json}: which model built the index (its copy lives in {@code model/} inside the index folder,
 * so queries need nothing else), the vector size, the feature config, when it was last updated, and for
 * an index of the timbre model the filter its Gaussians are searched by (null: learned vectors, cosine).
 */
public record IndexManifest(int format, String modelId, int dimension, FeatureConfig features, Excerpt excerpt,
                            String library, int tracks, String updated, TimbreFilter timbre) {

    /** An index of learned vectors. */
    public IndexManifest(int format, String modelId, int dimension, FeatureConfig features, Excerpt excerpt,
                         String library, int tracks, String updated) {
        this(format, modelId, dimension, features, excerpt, library, tracks, updated, null);
    }

    public static final String FILE_NAME = "index.json";
    /**
     * 2: paths and albums are searchable fields (format 1 indexes are rewritten from their stored vectors).
     * 3: the excerpt each track was analysed from, and the files' tags.
     * 4: MusicBrainz recording id, ISRC and "artist - title" are searchable fields.
     */
    public static final int FORMAT = 4;

    /** The part of each track analysed (whole tracks for indexes made before excerpts). */
    public Excerpt excerptOrWhole() {
        return excerpt == null ? Excerpt.WHOLE : excerpt;
    }
}
