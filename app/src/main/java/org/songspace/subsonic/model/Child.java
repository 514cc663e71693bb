package org.songspace.subsonic.model;

import java.util.List;

/**
 * A song or a folder as the Subsonic spec's {@code Child}. Null fields are left out of answers; the user's
 * own marks ({@code starred}, {@code userRating}, {@code playCount}, {@code played}) are filled per request.
 * {@code damage} is songspace's own (clients ignore fields they do not know): what was wrong with the file
 * when it was analysed.
 */
public record Child(String id, String parent, boolean isDir, String title, String album, String artist, Integer track,
                    Integer year, String genre, String coverArt, Long size, String contentType, String suffix,
                    Integer duration, String path, Boolean isVideo, String created, String starred, Integer userRating,
                    Long playCount, String played, String albumId, String artistId, String type, String mediaType,
                    String musicBrainzId, List<String> isrc, String damage) {

    /** A folder of the library as a directory entry. */
    public static Child folder(String id, String parent, String name, String created) {
        return new Child(id, parent, true, name, null, null, null, null, null, null, null, null, null, null, null, null,
                created, null, null, null, null, null, null, null, null, null, null, null);
    }
}
