package org.songspace.similarity;

import org.songspace.io.UserError;

/**
 * How to search: how many results, exact or HNSW, and the variety rules. Build with {@link #builder()};
 * a new option is one field, one builder method.
 *
 * @param k                 results wanted (1..{@value #MAX_K})
 * @param exact             brute force over every vector instead of HNSW (to check it)
 * @param excludeSameArtist leave out tracks by the seed's artist (where known)
 * @param excludeSameAlbum  leave out tracks from the seed's album (where known)
 * @param mutualProximity   rank by mutual proximity (hubness reduction) among a wider set of candidates;
 *                          null: as measured best for the index's model ({@link SimilarityService#mutualProximityByDefault})
 */
public record SearchOptions(int k, boolean exact, boolean excludeSameArtist, boolean excludeSameAlbum,
                            Boolean mutualProximity) {
    public static final int MAX_K = 1000;
    public static final int DEFAULT_K = 10;

    public SearchOptions {
        if (k < 1 || k > MAX_K) {
            throw new UserError("k must be between 1 and " + MAX_K + ", got " + k);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SearchOptions ofK(int k) {
        return builder().k(k).build();
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private int k = DEFAULT_K;
        private boolean exact;
        private boolean excludeSameArtist;
        private boolean excludeSameAlbum;
        private Boolean mutualProximity;

        public Builder k(int value) {
            k = value;
            return this;
        }

        public Builder exact(boolean value) {
            exact = value;
            return this;
        }

        public Builder excludeSameArtist(boolean value) {
            excludeSameArtist = value;
            return this;
        }

        public Builder excludeSameAlbum(boolean value) {
            excludeSameAlbum = value;
            return this;
        }

        /** true or false to choose; null (the default) for the index's measured best. */
        public Builder mutualProximity(Boolean value) {
            mutualProximity = value;
            return this;
        }

        public SearchOptions build() {
            return new SearchOptions(k, exact, excludeSameArtist, excludeSameAlbum, mutualProximity);
        }
    }
}
