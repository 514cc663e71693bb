package org.songspace.subsonic.model;

import java.util.List;

/** An album as {@code AlbumID3}; {@code song} only where the spec's {@code AlbumID3WithSongs} is answered. */
public record AlbumID3(String id, String name, String artist, String artistId, String coverArt, int songCount,
                       int duration, Long playCount, String created, String starred, Integer year, String genre,
                       String played, Integer userRating, String musicBrainzId, List<Child> song) {
}
