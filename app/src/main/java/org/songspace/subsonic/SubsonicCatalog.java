package org.songspace.subsonic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.songspace.index.IndexedTrack;

/**
 * The index seen as a Subsonic library: songs (the index's tracks, by their stable ids), albums and
 * artists grouped from the tags (album artist, else artist; "Unknown Artist" / "Unknown Album" where tags
 * say nothing). {@link ItemShapes} turns them into the spec's shapes. Album and artist ids are derived from their names ({@code al-}/{@code ar-} + 16 hex digits), so they
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

    boolean has(String songId) {
        return songs.containsKey(songId);
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

    /** Albums whose songs carry {@code genre} (any case), and songs of it. */
    List<IndexedTrack> songsOfGenre(String genre) {
        return songs.values().stream().filter(t -> genre.equalsIgnoreCase(genreOf(t))).toList();
    }

    Album albumOf(IndexedTrack t) {
        return albums.get(albumOfSong.get(t.id()));
    }

    /** The genre tag; else the track's label (GTZAN-style libraries keep the genre in the folder name). */
    static String genreOf(IndexedTrack t) {
        String tagged = t.tags() == null ? null : t.tags().genre();
        return tagged != null ? tagged : t.label();
    }

    static Integer yearOf(IndexedTrack t) {
        return t.tags() == null ? null : t.tags().year();
    }

    /** The song's file relative to the library root (its name alone when outside it). */
    String relativePath(IndexedTrack t) {
        return relativePath(t.path());
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

    static String id(String prefix, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
