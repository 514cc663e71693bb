package org.songspace.subsonic.model;

import java.util.List;

/** An artist as {@code ArtistID3}; {@code album} only for {@code ArtistWithAlbumsID3}. */
public record ArtistID3(String id, String name, String coverArt, Integer albumCount, String starred, List<AlbumID3> album) {
}
