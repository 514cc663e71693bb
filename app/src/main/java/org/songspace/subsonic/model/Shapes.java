package org.songspace.subsonic.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The smaller answer shapes of the Subsonic spec, each named as the spec names it. */
public final class Shapes {
    private Shapes() {
    }

    /** {@code Artist} (folder-based browsing and getStarred). */
    public record Artist(String id, String name, String starred, Integer userRating) {
    }

    public record Index(String name, List<Artist> artist) {
    }

    /** {@code child}: songs lying at the top of the library, outside any folder. */
    public record Indexes(String ignoredArticles, long lastModified, List<Index> index, List<Child> child) {
    }

    public record IndexID3(String name, List<ArtistID3> artist) {
    }

    public record ArtistsID3(String ignoredArticles, List<IndexID3> index) {
    }

    public record Directory(String id, String parent, String name, String starred, List<Child> child) {
    }

    public record Genre(String value, int songCount, int albumCount) {
    }

    public record Genres(List<Genre> genre) {
    }

    public record AlbumList(List<Child> album) {
    }

    public record AlbumList2(List<AlbumID3> album) {
    }

    public record Songs(List<Child> song) {
    }

    public record Starred(List<Artist> artist, List<Child> album, List<Child> song) {
    }

    public record Starred2(List<ArtistID3> artist, List<AlbumID3> album, List<Child> song) {
    }

    public record SearchResult2(List<Artist> artist, List<Child> album, List<Child> song) {
    }

    public record SearchResult3(List<ArtistID3> artist, List<AlbumID3> album, List<Child> song) {
    }

    /** {@code isPublic} is the spec's {@code public} (a Java keyword). */
    public record Playlist(String id, String name, String comment, String owner,
                           @JsonProperty("public") boolean isPublic, int songCount, int duration, String created,
                           String changed, String coverArt) {
    }

    public record PlaylistWithSongs(@JsonUnwrapped Playlist playlist, List<Child> entry) {
    }

    public record Playlists(List<Playlist> playlist) {
    }

    public record NowPlayingEntry(@JsonUnwrapped Child song, String username, int minutesAgo, int playerId,
                                  String playerName) {
    }

    public record NowPlaying(List<NowPlayingEntry> entry) {
    }

    /** The roles are what songspace lets every user do: play, download, keep playlists, rate. */
    public record User(String username, boolean scrobblingEnabled, boolean adminRole, boolean settingsRole,
                       boolean downloadRole, boolean uploadRole, boolean playlistRole, boolean coverArtRole,
                       boolean commentRole, boolean podcastRole, boolean streamRole, boolean jukeboxRole,
                       boolean shareRole, boolean videoConversionRole, List<Integer> folder) {
        public static User listener(String name) {
            return new User(name, true, false, false, true, false, true, true, false, false, true, false, false, false,
                    List.of(1));
        }
    }

    public record ScanStatus(boolean scanning, long count) {
    }

    public record ArtistInfo(String biography, List<Artist> similarArtist) {
    }

    public record ArtistInfo2(String biography, List<ArtistID3> similarArtist) {
    }

    public record AlbumInfo(String notes, String musicBrainzId) {
    }

    public record Bookmark(long position, String username, String comment, String created, String changed, Child entry) {
    }

    public record Bookmarks(List<Bookmark> bookmark) {
    }

    public record PlayQueue(String current, Long position, String username, String changed, String changedBy,
                            List<Child> entry) {
    }

    public record TokenInfo(String username) {
    }

    public record SonicMatch(Child entry, double similarity) {
    }

    public record MusicFolder(int id, String name) {
    }

    public record MusicFolders(List<MusicFolder> musicFolder) {
    }

    public record Extension(String name, List<Integer> versions) {
    }
}
