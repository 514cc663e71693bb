package org.songspace.subsonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.songspace.index.IndexedTrack;

/**
 * {@code search3}: every word of the query must appear (any case) in the item's title, artist or album; an
 * empty query (or {@code ""}, as some clients send it) matches everything, which is how clients sync a
 * whole library, paged by {@code songCount}/{@code songOffset} (and the artist and album pairs).
 */
final class SubsonicSearch {
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 10_000;

    private SubsonicSearch() {
    }

    static Map<String, Object> search(SubsonicCatalog catalog, Map<String, String> p) {
        String query = p.getOrDefault("query", "").strip();
        if (query.equals("\"\"") || query.equals("*")) {
            query = "";
        }
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("artist", page(new ArrayList<>(catalog.artists()), a -> a.name(), words, p, "artist",
                a -> catalog.artist(a, false)));
        result.put("album", page(new ArrayList<>(catalog.albums()), a -> a.name() + " " + a.artist(), words, p, "album",
                a -> catalog.album(a, false)));
        result.put("song", page(new ArrayList<>(catalog.songs()), SubsonicSearch::songText, words, p, "song", catalog::child));
        return result;
    }

    private static String songText(IndexedTrack t) {
        return String.join(" ", t.title() == null ? t.id() : t.title(), t.artist() == null ? "" : t.artist(),
                t.album() == null ? "" : t.album());
    }

    private static <T> List<Map<String, Object>> page(List<T> items, Function<T, String> text, List<String> words,
                                                      Map<String, String> p, String kind, Function<T, Map<String, Object>> shape) {
        int count = SubsonicApi.number(p, kind + "Count", DEFAULT_COUNT, MAX_COUNT);
        int offset = SubsonicApi.number(p, kind + "Offset", 0, Integer.MAX_VALUE);
        List<Map<String, Object>> out = new ArrayList<>();
        int skipped = 0;
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
