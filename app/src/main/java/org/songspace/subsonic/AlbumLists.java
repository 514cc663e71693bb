package org.songspace.subsonic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.songspace.index.IndexedTrack;
import org.songspace.state.Marks;
import org.songspace.subsonic.model.Shapes;

/**
 * The lists clients fill their start screens with: album lists of every type, random songs, songs of a
 * genre, and what the user starred.
 */
final class AlbumLists {
    private final Library library;
    private final Random random = new Random();

    AlbumLists(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getAlbumList", c -> c.answer("albumList", new Shapes.AlbumList(albums(c).stream()
                .map(a -> c.shapes().albumAsChild(a)).toList())));
        methods.put("getAlbumList2", c -> c.answer("albumList2", new Shapes.AlbumList2(albums(c).stream()
                .map(a -> c.shapes().album(a, false)).toList())));
        methods.put("getRandomSongs", this::randomSongs);
        methods.put("getSongsByGenre", c -> c.answer("songsByGenre", new Shapes.Songs(c.shapes().children(
                page(library.catalog().songsOfGenre(c.required("genre")), c.longNumber("offset", 0),
                        c.number("count", 10, Call.MAX_LIST))))));
        methods.put("getStarred", c -> {
            Starred s = starred(c);
            c.answer("starred", new Shapes.Starred(s.artists().stream().map(a -> c.shapes().folderArtist(a)).toList(),
                    s.albums().stream().map(a -> c.shapes().albumAsChild(a)).toList(), c.shapes().children(s.songs())));
        });
        methods.put("getStarred2", c -> {
            Starred s = starred(c);
            c.answer("starred2", new Shapes.Starred2(s.artists().stream().map(a -> c.shapes().artist(a, false)).toList(),
                    s.albums().stream().map(a -> c.shapes().album(a, false)).toList(), c.shapes().children(s.songs())));
        });
    }

    private List<SubsonicCatalog.Album> albums(Call c) {
        String type = c.required("type");
        Marks.Snapshot marks = c.shapes().marks();
        List<SubsonicCatalog.Album> all = new ArrayList<>(library.catalog().albums());
        List<SubsonicCatalog.Album> chosen = switch (type) {
            case "random" -> {
                Collections.shuffle(all, random);
                yield all;
            }
            case "newest" -> sorted(all, Comparator.comparingLong(a -> -ItemShapes.created(a)));
            case "alphabeticalByName" -> sorted(all, Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT)));
            case "alphabeticalByArtist" -> sorted(all, Comparator.comparing((SubsonicCatalog.Album a) -> a.artist().toLowerCase(Locale.ROOT))
                    .thenComparing(a -> a.name().toLowerCase(Locale.ROOT)));
            case "highest" -> sorted(filter(all, a -> marks.rating(Marks.Kind.ALBUM, a.id()) != null),
                    Comparator.comparingInt(a -> -marks.rating(Marks.Kind.ALBUM, a.id())));
            case "frequent" -> sorted(filter(all, a -> plays(marks, a)[0] > 0), Comparator.comparingLong(a -> -plays(marks, a)[0]));
            case "recent" -> sorted(filter(all, a -> plays(marks, a)[1] > 0), Comparator.comparingLong(a -> -plays(marks, a)[1]));
            case "starred" -> sorted(filter(all, a -> marks.starred(Marks.Kind.ALBUM, a.id()) != null),
                    Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT)));
            case "byYear" -> byYear(all, c);
            case "byGenre" -> {
                String genre = c.required("genre");
                yield filter(all, a -> a.songs().stream().anyMatch(t -> genre.equalsIgnoreCase(SubsonicCatalog.genreOf(t))));
            }
            default -> throw new SubsonicException(SubsonicException.GENERIC, "Unknown album list type: " + type);
        };
        return page(chosen, c.longNumber("offset", 0), c.number("size", 10, Call.MAX_LIST));
    }

    private static List<SubsonicCatalog.Album> byYear(List<SubsonicCatalog.Album> all, Call c) {
        int from = c.number("fromYear", 0, 9999);
        int to = c.number("toYear", 9999, 9999);
        if (c.get("fromYear") == null || c.get("toYear") == null) {
            throw SubsonicException.missing(c.get("fromYear") == null ? "fromYear" : "toYear");
        }
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        List<SubsonicCatalog.Album> within = filter(all, a -> year(a) != null && year(a) >= low && year(a) <= high);
        Comparator<SubsonicCatalog.Album> byYear = Comparator.comparingInt(AlbumLists::yearOrZero);
        // The spec: from > to lists the newest first.
        return sorted(within, from <= to ? byYear : byYear.reversed());
    }

    private static Integer year(SubsonicCatalog.Album a) {
        return SubsonicCatalog.yearOf(a.songs().get(0));
    }

    private static int yearOrZero(SubsonicCatalog.Album a) {
        Integer y = year(a);
        return y == null ? 0 : y;
    }

    /** Total plays and the last play of an album's songs. */
    private static long[] plays(Marks.Snapshot marks, SubsonicCatalog.Album a) {
        long count = 0;
        long last = 0;
        for (IndexedTrack t : a.songs()) {
            Marks.Play p = marks.play(t.id());
            if (p != null) {
                count += p.count();
                last = Math.max(last, p.lastMillis());
            }
        }
        return new long[] {count, last};
    }

    private void randomSongs(Call c) {
        String genre = c.get("genre");
        Integer from = c.get("fromYear") == null ? null : c.number("fromYear", 0, 9999);
        Integer to = c.get("toYear") == null ? null : c.number("toYear", 9999, 9999);
        List<IndexedTrack> songs = new ArrayList<>(filter(new ArrayList<>(library.catalog().songs()), t ->
                (genre == null || genre.equalsIgnoreCase(SubsonicCatalog.genreOf(t)))
                        && (from == null || SubsonicCatalog.yearOf(t) != null && SubsonicCatalog.yearOf(t) >= from)
                        && (to == null || SubsonicCatalog.yearOf(t) != null && SubsonicCatalog.yearOf(t) <= to)));
        Collections.shuffle(songs, random);
        c.answer("randomSongs", new Shapes.Songs(c.shapes().children(page(songs, 0, c.number("size", 10, Call.MAX_LIST)))));
    }

    private record Starred(List<SubsonicCatalog.Artist> artists, List<SubsonicCatalog.Album> albums, List<IndexedTrack> songs) {
    }

    private Starred starred(Call c) {
        Marks.Snapshot marks = c.shapes().marks();
        SubsonicCatalog catalog = library.catalog();
        return new Starred(
                filter(new ArrayList<>(catalog.artists()), a -> marks.starred(Marks.Kind.ARTIST, a.id()) != null),
                filter(new ArrayList<>(catalog.albums()), a -> marks.starred(Marks.Kind.ALBUM, a.id()) != null),
                filter(new ArrayList<>(catalog.songs()), t -> marks.starred(Marks.Kind.SONG, t.id()) != null));
    }

    private static <T> List<T> filter(List<T> items, java.util.function.Predicate<T> keep) {
        return items.stream().filter(keep).toList();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return out;
    }

    static <T> List<T> page(List<T> items, long offset, int size) {
        if (offset >= items.size()) {
            return List.of();
        }
        return items.subList((int) offset, (int) Math.min(items.size(), offset + size));
    }
}
