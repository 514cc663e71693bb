package org.songspace.subsonic;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.songspace.audio.TrackTags;
import org.songspace.http.AudioTypes;
import org.songspace.index.IndexedTrack;
import org.songspace.state.Marks;
import org.songspace.subsonic.model.AlbumID3;
import org.songspace.subsonic.model.ArtistID3;
import org.songspace.subsonic.model.Child;
import org.songspace.subsonic.model.Shapes;

/**
 * The catalogue's songs, albums and artists in the spec's shapes, as one user sees them: with their stars,
 * ratings and play counts.
 */
final class ItemShapes {
    private final SubsonicCatalog catalog;
    private final CoverArt covers;
    private final Marks.Snapshot marks;

    ItemShapes(SubsonicCatalog catalog, CoverArt covers, Marks.Snapshot marks) {
        this.catalog = catalog;
        this.covers = covers;
        this.marks = marks;
    }

    SubsonicCatalog catalog() {
        return catalog;
    }

    Marks.Snapshot marks() {
        return marks;
    }

    Child child(IndexedTrack t) {
        TrackTags tags = t.tags() == null ? TrackTags.NONE : t.tags();
        SubsonicCatalog.Album album = catalog.albumOf(t);
        String suffix = SubsonicCatalog.suffix(t.path());
        Marks.Play play = marks.play(t.id());
        return new Child(t.id(), album.id(), false, t.title() != null ? t.title() : t.id(), album.name(),
                t.artist() != null ? t.artist() : SubsonicCatalog.UNKNOWN_ARTIST, tags.trackNumber(), tags.year(),
                SubsonicCatalog.genreOf(t), covers.idFor(album), t.sourceBytes(), AudioTypes.contentType(suffix), suffix,
                (int) Math.round(t.durationSeconds()), catalog.relativePath(t), false, time(t.sourceModified()),
                time(marks.starred(Marks.Kind.SONG, t.id())), marks.rating(Marks.Kind.SONG, t.id()),
                play == null ? null : play.count(), play == null ? null : time(play.lastMillis()), album.id(),
                album.artistId(), "music", "song", tags.musicBrainzRecordingId(),
                tags.isrc() == null ? null : List.of(tags.isrc()), t.damage());
    }

    List<Child> children(List<IndexedTrack> songs) {
        return songs.stream().map(this::child).toList();
    }

    AlbumID3 album(SubsonicCatalog.Album a, boolean withSongs) {
        TrackTags first = Objects.requireNonNullElse(a.songs().get(0).tags(), TrackTags.NONE);
        long plays = 0;
        long last = 0;
        for (IndexedTrack t : a.songs()) {
            Marks.Play p = marks.play(t.id());
            if (p != null) {
                plays += p.count();
                last = Math.max(last, p.lastMillis());
            }
        }
        return new AlbumID3(a.id(), a.name(), a.artist(), a.artistId(), covers.idFor(a), a.songs().size(),
                (int) Math.round(a.songs().stream().mapToDouble(IndexedTrack::durationSeconds).sum()),
                plays == 0 ? null : plays, time(created(a)), time(marks.starred(Marks.Kind.ALBUM, a.id())), first.year(),
                SubsonicCatalog.genreOf(a.songs().get(0)), last == 0 ? null : time(last), marks.rating(Marks.Kind.ALBUM, a.id()),
                first.musicBrainzReleaseId(), withSongs ? children(a.songs()) : null);
    }

    /** An album as a folder-style {@code Child} (getAlbumList, getStarred). */
    Child albumAsChild(SubsonicCatalog.Album a) {
        return new Child(a.id(), a.artistId(), true, a.name(), a.name(), a.artist(), null,
                a.songs().get(0).tags() == null ? null : a.songs().get(0).tags().year(), null, covers.idFor(a), null, null, null,
                null, null, null, time(created(a)), time(marks.starred(Marks.Kind.ALBUM, a.id())),
                marks.rating(Marks.Kind.ALBUM, a.id()), null, null, a.id(), a.artistId(), null, "album", null, null, null);
    }

    ArtistID3 artist(SubsonicCatalog.Artist a, boolean withAlbums) {
        boolean pictured = a.albums().stream().anyMatch(al -> covers.idFor(al) != null);
        return new ArtistID3(a.id(), a.name(), pictured ? a.id() : null, a.albums().size(), time(marks.starred(Marks.Kind.ARTIST, a.id())),
                withAlbums ? a.albums().stream().map(al -> album(al, false)).toList() : null);
    }

    Shapes.Artist folderArtist(SubsonicCatalog.Artist a) {
        return new Shapes.Artist(a.id(), a.name(), time(marks.starred(Marks.Kind.ARTIST, a.id())),
                marks.rating(Marks.Kind.ARTIST, a.id()));
    }

    static long created(SubsonicCatalog.Album a) {
        return a.songs().stream().mapToLong(IndexedTrack::sourceModified).max().orElse(0);
    }

    static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
