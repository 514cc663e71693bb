package org.songspace.subsonic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.songspace.audio.TrackTags;
import org.songspace.index.IndexedTrack;
import org.songspace.http.AudioTypes;

/**
 * The index seen as a Subsonic library: songs (the index's tracks, by their stable ids), albums and
 * artists grouped from the tags (album artist, else artist; "Unknown Artist" / "Unknown Album" where tags
 * say nothing), and the Subsonic shapes of each ({@code Child}, {@code AlbumID3}, {@code ArtistID3}).
 * Album and artist ids are derived from their names ({@code al-}/{@code ar-} + 16 hex digits), so they
 * too survive re-indexing. Built once per server from one snapshot of the index.
 */
final class SubsonicCatalog {
    static final String UNKNOWN_ARTIST = "Unknown Artist";
    static final String UNKNOWN_ALBUM = "Unknown Album";

    /** An album and its songs, in disc and track order. */
    record Album(String id, String name, String artist, String artistId, List<IndexedTrack> songs) {
    }

    record Artist(String id, String name, List<Album> albums) {
    }

    private final Path libraryRoot;
    private final Map<String, IndexedTrack> songs = new LinkedHashMap<>();
    private final Map<String, Album> albums = new LinkedHashMap<>();
    private final Map<String, Artist> artists = new LinkedHashMap<>();
    private final Map<String, String> albumOfSong = new LinkedHashMap<>();

    SubsonicCatalog(Collection<IndexedTrack> tracks, String libraryRoot) {
        this.libraryRoot = libraryRoot == null ? null : Path.of(libraryRoot);
        List<IndexedTrack> sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparing((IndexedTrack t) -> artistName(t).toLowerCase(Locale.ROOT))
                .thenComparing(t -> albumName(t).toLowerCase(Locale.ROOT))
                .thenComparing(t -> trackNumber(t) == null ? Integer.MAX_VALUE : trackNumber(t))
                .thenComparing(IndexedTrack::id));
        Map<String, List<IndexedTrack>> byAlbum = new LinkedHashMap<>();
        for (IndexedTrack t : sorted) {
            songs.put(t.id(), t);
            String albumId = id("al-", artistName(t) + "\u0000" + albumName(t));
            albumOfSong.put(t.id(), albumId);
            byAlbum.computeIfAbsent(albumId, k -> new ArrayList<>()).add(t);
        }
        Map<String, List<Album>> byArtist = new TreeMap<>();
        for (Map.Entry<String, List<IndexedTrack>> e : byAlbum.entrySet()) {
            IndexedTrack first = e.getValue().get(0);
            String artistId = id("ar-", artistName(first));
            Album album = new Album(e.getKey(), albumName(first), artistName(first), artistId, List.copyOf(e.getValue()));
            albums.put(album.id(), album);
            byArtist.computeIfAbsent(artistId, k -> new ArrayList<>()).add(album);
        }
        byArtist.forEach((id, list) -> artists.put(id, new Artist(id, list.get(0).artist(), List.copyOf(list))));
    }

    IndexedTrack song(String id) {
        IndexedTrack t = songs.get(id);
        if (t == null) {
            throw SubsonicException.notFound("Song " + id);
        }
        return t;
    }

    Album album(String id) {
        Album a = albums.get(id);
        if (a == null) {
            throw SubsonicException.notFound("Album " + id);
        }
        return a;
    }

    Artist artist(String id) {
        Artist a = artists.get(id);
        if (a == null) {
            throw SubsonicException.notFound("Artist " + id);
        }
        return a;
    }

    Collection<IndexedTrack> songs() {
        return songs.values();
    }

    Collection<Album> albums() {
        return albums.values();
    }

    Collection<Artist> artists() {
        return artists.values();
    }

    /** A song as a Subsonic {@code Child}. */
    Map<String, Object> child(IndexedTrack t) {
        TrackTags tags = t.tags() == null ? TrackTags.NONE : t.tags();
        Album album = albums.get(albumOfSong.get(t.id()));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", t.id());
        c.put("parent", album.id());
        c.put("isDir", false);
        c.put("title", t.title() != null ? t.title() : t.id());
        c.put("album", album.name());
        c.put("artist", t.artist() != null ? t.artist() : UNKNOWN_ARTIST);
        put(c, "track", tags.trackNumber());
        put(c, "year", tags.year());
        put(c, "genre", tags.genre());
        c.put("size", t.sourceBytes());
        String suffix = suffix(t.path());
        c.put("contentType", AudioTypes.contentType(suffix));
        c.put("suffix", suffix);
        c.put("duration", (int) Math.round(t.durationSeconds()));
        c.put("path", relativePath(t.path()));
        c.put("isVideo", false);
        c.put("created", Instant.ofEpochMilli(t.sourceModified()).toString());
        c.put("albumId", album.id());
        c.put("artistId", album.artistId());
        c.put("type", "music");
        c.put("mediaType", "song");
        put(c, "musicBrainzId", tags.musicBrainzRecordingId());
        if (tags.isrc() != null) {
            c.put("isrc", List.of(tags.isrc()));
        }
        return c;
    }

    /** An album as an {@code AlbumID3}, with its songs when {@code withSongs}. */
    Map<String, Object> album(Album a, boolean withSongs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("artist", a.artist());
        m.put("artistId", a.artistId());
        m.put("songCount", a.songs().size());
        m.put("duration", (int) Math.round(a.songs().stream().mapToDouble(IndexedTrack::durationSeconds).sum()));
        m.put("created", Instant.ofEpochMilli(a.songs().stream().mapToLong(IndexedTrack::sourceModified).max().orElse(0)).toString());
        TrackTags first = Objects.requireNonNullElse(a.songs().get(0).tags(), TrackTags.NONE);
        put(m, "year", first.year());
        put(m, "genre", first.genre());
        put(m, "musicBrainzId", first.musicBrainzReleaseId());
        if (withSongs) {
            m.put("song", a.songs().stream().map(this::child).toList());
        }
        return m;
    }

    /** An artist as an {@code ArtistID3}, with its albums when {@code withAlbums}. */
    Map<String, Object> artist(Artist a, boolean withAlbums) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("albumCount", a.albums().size());
        if (withAlbums) {
            m.put("album", a.albums().stream().map(al -> album(al, false)).toList());
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private String relativePath(String path) {
        Path p = Path.of(path);
        return libraryRoot != null && p.startsWith(libraryRoot) ? libraryRoot.relativize(p).toString() : p.getFileName().toString();
    }

    static String suffix(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String artistName(IndexedTrack t) {
        String albumArtist = t.tags() == null ? null : t.tags().albumArtist();
        return albumArtist != null ? albumArtist : t.artist() != null ? t.artist() : UNKNOWN_ARTIST;
    }

    private static String albumName(IndexedTrack t) {
        return t.album() != null ? t.album() : UNKNOWN_ALBUM;
    }

    private static Integer trackNumber(IndexedTrack t) {
        return t.tags() == null ? null : t.tags().trackNumber();
    }

    private static String id(String prefix, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
