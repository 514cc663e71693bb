package org.songspace.subsonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.songspace.index.IndexedTrack;
import org.songspace.subsonic.model.Shapes;

/**
 * {@code search3} and {@code search2}: every word of the query must appear (any case) in the item's title,
 * artist or album; an empty query (or {@code ""}, as some clients send it) matches everything, which is how
 * clients sync a whole library, paged by {@code songCount}/{@code songOffset} (and the artist and album
 * pairs).
 */
final class SubsonicSearch {
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 10_000;

    private SubsonicSearch() {
    }

    static Shapes.SearchResult3 search3(Call c) {
        List<String> words = words(c);
        SubsonicCatalog catalog = c.shapes().catalog();
        return new Shapes.SearchResult3(
                page(c, new ArrayList<>(catalog.artists()), SubsonicCatalog.Artist::name, words, "artist", a -> c.shapes().artist(a, false)),
                page(c, new ArrayList<>(catalog.albums()), a -> a.name() + " " + a.artist(), words, "album", a -> c.shapes().album(a, false)),
                page(c, new ArrayList<>(catalog.songs()), SubsonicSearch::songText, words, "song", c.shapes()::child));
    }

    static Shapes.SearchResult2 search2(Call c) {
        List<String> words = words(c);
        SubsonicCatalog catalog = c.shapes().catalog();
        return new Shapes.SearchResult2(
                page(c, new ArrayList<>(catalog.artists()), SubsonicCatalog.Artist::name, words, "artist", a -> c.shapes().folderArtist(a)),
                page(c, new ArrayList<>(catalog.albums()), a -> a.name() + " " + a.artist(), words, "album", a -> c.shapes().albumAsChild(a)),
                page(c, new ArrayList<>(catalog.songs()), SubsonicSearch::songText, words, "song", c.shapes()::child));
    }

    private static List<String> words(Call c) {
        String query = c.get("query") == null ? "" : c.get("query").strip();
        if (query.equals("\"\"") || query.equals("*")) {
            query = "";
        }
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String songText(IndexedTrack t) {
        return String.join(" ", t.title() == null ? t.id() : t.title(), t.artist() == null ? "" : t.artist(),
                t.album() == null ? "" : t.album());
    }

    private static <T, R> List<R> page(Call c, List<T> items, Function<T, String> text, List<String> words, String kind,
                                       Function<T, R> shape) {
        int count = c.number(kind + "Count", DEFAULT_COUNT, MAX_COUNT);
        long offset = c.longNumber(kind + "Offset", 0);
        List<R> out = new ArrayList<>();
        long skipped = 0;
        for (T item : items) {
            if (out.size() >= count) {
                break;
            }
            String haystack = text.apply(item).toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(haystack::contains)) {
                if (skipped++ >= offset) {
                    out.add(shape.apply(item));
                }
            }
        }
        return out;
    }
}
