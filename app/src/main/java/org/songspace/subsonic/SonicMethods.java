package org.songspace.subsonic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.songspace.index.IndexedTrack;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;
import org.songspace.state.Marks;
import org.songspace.subsonic.model.Shapes;

/**
 * Where clients ask for "more like this": OpenSubsonic's sonic similarity (getSonicSimilarTracks,
 * findSonicPath), and the classic calls behind the radio and instant-mix buttons of Symfonium, Tempo and
 * Feishin (getSimilarSongs, getSimilarSongs2, getTopSongs), all answered from the learned map as varied
 * mixes: never the seed, no artist repeated within 3 songs nor album within 5.
 */
final class SonicMethods {
    /** Seeds taken from an album or an artist: its most central songs. */
    static final int MAX_SEEDS = 10;

    private final Library library;

    SonicMethods(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getSonicSimilarTracks", this::sonicSimilar);
        methods.put("findSonicPath", this::sonicPath);
        methods.put("getSimilarSongs", c -> c.answer("similarSongs", new Shapes.Songs(similarSongs(c, c.required("id")))));
        methods.put("getSimilarSongs2", c -> c.answer("similarSongs2", new Shapes.Songs(similarSongs(c, c.required("id")))));
        methods.put("getTopSongs", this::topSongs);
    }

    private void sonicSimilar(Call c) throws IOException {
        IndexedTrack song = library.catalog().song(c.required("id"));
        int count = c.number("count", 10, SearchOptions.MAX_K);
        List<Match> mix = count == 0 ? List.of() : service().mix(List.of(service().resolve(song.id())), MixOptions.ofCount(count));
        c.answer("sonicMatch", matches(c, mix));
    }

    private void sonicPath(Call c) throws IOException {
        IndexedTrack start = library.catalog().song(c.required("startSongId"));
        IndexedTrack end = library.catalog().song(c.required("endSongId"));
        int count = Math.max(2, c.number("count", 25, SimilarityService.MAX_PATH));
        c.answer("sonicMatch", matches(c, service().path(service().resolve(start.id()), service().resolve(end.id()), count)));
    }

    private List<Shapes.SonicMatch> matches(Call c, List<Match> matches) {
        return matches.stream().map(m -> new Shapes.SonicMatch(c.shapes().child(library.catalog().song(m.id())), m.similarity())).toList();
    }

    /** A mix seeded by a song, or by the most central songs of an album or an artist. */
    private List<org.songspace.subsonic.model.Child> similarSongs(Call c, String id) throws IOException {
        int count = c.number("count", 50, Call.MAX_LIST);
        List<IndexedTrack> seeds;
        if (id.startsWith("ar-")) {
            SubsonicCatalog.Artist artist = library.catalog().artist(id);
            int songs = artist.albums().stream().mapToInt(a -> a.songs().size()).sum();
            // Half the artist's songs at most, so that a mix of an artist's sound can still hold some of them.
            seeds = central(artist, Math.min(MAX_SEEDS, Math.max(1, songs / 2)));
        } else if (id.startsWith("al-")) {
            SubsonicCatalog.Album album = library.catalog().album(id);
            seeds = central(library.catalog().artist(album.artistId()), Integer.MAX_VALUE).stream()
                    .filter(album.songs()::contains).limit(MAX_SEEDS).toList();
        } else {
            seeds = List.of(library.catalog().song(id));
        }
        if (count == 0 || seeds.isEmpty()) {
            return List.of();
        }
        List<Seed> resolved = new ArrayList<>();
        for (IndexedTrack t : seeds) {
            resolved.add(service().resolve(t.id()));
        }
        List<Match> mix = service().mix(resolved, MixOptions.ofCount(Math.min(count, library.catalog().songs().size())));
        return mix.stream().map(m -> c.shapes().child(library.catalog().song(m.id()))).toList();
    }

    /**
     * An artist's top songs: the listener's most played first, then the songs most typical of the artist on
     * the map (closest to its centroid). {@code artist} is a name, as the spec says (an artist id works too).
     */
    private void topSongs(Call c) {
        String name = c.required("artist");
        SubsonicCatalog.Artist artist = library.catalog().artists().stream()
                .filter(a -> a.name().equalsIgnoreCase(name) || a.id().equals(name)).findFirst().orElse(null);
        List<IndexedTrack> top = artist == null ? List.of() : central(artist, Integer.MAX_VALUE);
        Marks.Snapshot marks = c.shapes().marks();
        List<IndexedTrack> ordered = new ArrayList<>(top);
        ordered.sort(Comparator.comparingLong((IndexedTrack t) -> marks.play(t.id()) == null ? 0 : -marks.play(t.id()).count()));
        c.answer("topSongs", new Shapes.Songs(c.shapes().children(AlbumLists.page(ordered, 0, c.number("count", 50, Call.MAX_LIST)))));
    }

    /** An artist's songs, most typical first. */
    private List<IndexedTrack> central(SubsonicCatalog.Artist artist, int limit) {
        List<IndexedTrack> songs = library.artistMap().mostTypical(artist);
        return songs.subList(0, Math.min(limit, songs.size()));
    }

    private SimilarityService service() {
        return library.service();
    }
}
