package org.songspace.similarity;

import org.songspace.io.UserError;

/**
 * How a mix is made: how many tracks, and the variety rules (like bliss-mixer's {@code norepart} and
 * {@code norepalb}): no track whose artist (album) is among the last {@code artistWindow}
 * ({@code albumWindow}) tracks of the mix, the seeds counting as its first tracks. 0 turns a rule off.
 * Tracks of unknown artist or album never count as repeats. {@code mutualProximity} ranks the candidates
 * by mutual proximity to the seeds' centre (paths: to each step's target) before the rules pick; null
 * leaves it to the index's measured best ({@link SimilarityService#mutualProximityByDefault}).
 */
public record MixOptions(int count, int artistWindow, int albumWindow, Boolean mutualProximity) {
    public static final int DEFAULT_COUNT = 25;
    /** A new artist for at least three tracks running, a new album for at least five, by default. */
    public static final int DEFAULT_ARTIST_WINDOW = 3;
    public static final int DEFAULT_ALBUM_WINDOW = 5;

    public MixOptions {
        if (count < 1 || count > SearchOptions.MAX_K) {
            throw new UserError("a mix has 1 to " + SearchOptions.MAX_K + " tracks, got " + count);
        }
        if (artistWindow < 0 || albumWindow < 0) {
            throw new UserError("variety windows cannot be negative, got artist " + artistWindow + ", album " + albumWindow);
        }
    }

    public MixOptions(int count, int artistWindow, int albumWindow) {
        this(count, artistWindow, albumWindow, null);
    }

    public static MixOptions ofCount(int count) {
        return new MixOptions(count, DEFAULT_ARTIST_WINDOW, DEFAULT_ALBUM_WINDOW);
    }
}
