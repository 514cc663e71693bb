package org.songspace.subsonic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.songspace.index.IndexedTrack;
import org.songspace.state.Marks;
import org.songspace.state.Resumption;
import org.songspace.subsonic.model.Shapes;

/**
 * What a listener does and wants kept: stars, ratings, plays (scrobble), now playing, bookmarks, the play
 * queue; and who they are (getUser, tokenInfo) and the library's scan state.
 */
final class ListeningMethods {
    /** How long a "now playing" report stays listed. */
    static final long NOW_PLAYING_MILLIS = 30 * 60 * 1000L;

    private final Library library;

    ListeningMethods(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getUser", c -> {
            String name = c.get("username") == null ? c.userName() : c.get("username");
            if (!name.equals(c.userName())) {
                throw new SubsonicException(SubsonicException.NOT_AUTHORIZED, "Only your own user can be read");
            }
            c.answer("user", Shapes.User.listener(name));
        });
        methods.put("tokenInfo", c -> c.answer("tokenInfo", new Shapes.TokenInfo(c.userName())));
        methods.put("getScanStatus", this::scanStatus);
        methods.put("startScan", this::scanStatus);
        methods.put("star", c -> forEachKind(c, (kind, ids) -> library.state().marks().star(c.userName(), kind, ids, now())));
        methods.put("unstar", c -> forEachKind(c, (kind, ids) -> library.state().marks().unstar(c.userName(), kind, ids)));
        methods.put("setRating", this::setRating);
        methods.put("scrobble", this::scrobble);
        methods.put("getNowPlaying", this::nowPlaying);
        methods.put("getBookmarks", this::bookmarks);
        methods.put("createBookmark", c -> {
            String id = library.catalog().song(c.required("id")).id();
            library.state().resumption().bookmark(c.userName(), id, c.longNumber("position", 0), c.get("comment"), now());
        });
        methods.put("deleteBookmark", c -> library.state().resumption().deleteBookmark(c.userName(), c.required("id")));
        methods.put("getPlayQueue", this::playQueue);
        methods.put("savePlayQueue", this::savePlayQueue);
    }

    static long now() {
        return System.currentTimeMillis();
    }

    /** The index is made by {@code songspace index}; the server reads it as it is, so it never scans. */
    private void scanStatus(Call c) {
        c.answer("scanStatus", new Shapes.ScanStatus(false, library.catalog().songs().size()));
    }

    private interface KindAction {
        void apply(Marks.Kind kind, List<String> ids);
    }

    /** {@code id} (songs; some clients send album or artist ids there too), {@code albumId}, {@code artistId}. */
    private void forEachKind(Call c, KindAction action) {
        List<String> songs = new ArrayList<>();
        List<String> albums = new ArrayList<>(c.all("albumId"));
        List<String> artists = new ArrayList<>(c.all("artistId"));
        for (String id : c.all("id")) {
            (id.startsWith("al-") ? albums : id.startsWith("ar-") ? artists : songs).add(id);
        }
        if (songs.isEmpty() && albums.isEmpty() && artists.isEmpty()) {
            throw SubsonicException.missing("id, albumId or artistId");
        }
        songs.forEach(library.catalog()::song);
        albums.forEach(library.catalog()::album);
        artists.forEach(library.catalog()::artist);
        for (Marks.Kind kind : Marks.Kind.values()) {
            List<String> ids = kind == Marks.Kind.SONG ? songs : kind == Marks.Kind.ALBUM ? albums : artists;
            if (!ids.isEmpty()) {
                action.apply(kind, ids);
            }
        }
    }

    private void setRating(Call c) {
        String id = c.required("id");
        int rating = c.number("rating", -1, 99);
        if (c.get("rating") == null) {
            throw SubsonicException.missing("rating");
        }
        if (rating > 5) {
            throw new SubsonicException(SubsonicException.GENERIC, "rating is 0 (none) to 5, got " + rating);
        }
        Marks.Kind kind = id.startsWith("al-") ? Marks.Kind.ALBUM : id.startsWith("ar-") ? Marks.Kind.ARTIST : Marks.Kind.SONG;
        switch (kind) {
            case ALBUM -> library.catalog().album(id);
            case ARTIST -> library.catalog().artist(id);
            case SONG -> library.catalog().song(id);
        }
        library.state().marks().rate(c.userName(), kind, id, rating);
    }

    /** {@code submission=false} says what is playing now; true (the default) counts finished plays. */
    private void scrobble(Call c) {
        List<String> ids = c.all("id");
        if (ids.isEmpty()) {
            throw SubsonicException.missing("id");
        }
        List<String> times = c.all("time");
        boolean submission = c.bool("submission") == null || c.bool("submission");
        String client = c.get("c") == null ? "unknown" : c.get("c");
        for (int i = 0; i < ids.size(); i++) {
            String id = library.catalog().song(ids.get(i)).id();
            long at = i < times.size() ? parseTime(times.get(i)) : now();
            if (submission) {
                library.state().marks().played(c.userName(), id, at);
            } else {
                library.state().marks().nowPlaying(c.userName(), client, id, at);
            }
        }
    }

    private static long parseTime(String millis) {
        try {
            return Long.parseLong(millis.trim());
        } catch (NumberFormatException e) {
            throw new SubsonicException(SubsonicException.GENERIC, "time must be milliseconds since 1970, got " + millis);
        }
    }

    private void nowPlaying(Call c) {
        long now = now();
        List<Shapes.NowPlayingEntry> entries = new ArrayList<>();
        int player = 0;
        for (Marks.NowPlaying p : library.state().marks().nowPlaying(now - NOW_PLAYING_MILLIS)) {
            player++;
            if (library.catalog().has(p.song())) {
                entries.add(new Shapes.NowPlayingEntry(c.shapes().child(library.catalog().song(p.song())), p.user(),
                        (int) ((now - p.atMillis()) / 60_000), player, p.client()));
            }
        }
        c.answer("nowPlaying", new Shapes.NowPlaying(entries));
    }

    private void bookmarks(Call c) {
        List<Shapes.Bookmark> out = new ArrayList<>();
        for (Resumption.Bookmark b : library.state().resumption().bookmarks(c.userName())) {
            if (library.catalog().has(b.song())) {
                out.add(new Shapes.Bookmark(b.positionMillis(), b.user(), b.comment(), ItemShapes.time(b.createdMillis()),
                        ItemShapes.time(b.changedMillis()), c.shapes().child(library.catalog().song(b.song()))));
            }
        }
        c.answer("bookmarks", new Shapes.Bookmarks(out));
    }

    /** The saved queue; with none, an empty one (the spec requires the element). */
    private void playQueue(Call c) {
        Resumption.PlayQueue q = library.state().resumption().queue(c.userName())
                .orElse(new Resumption.PlayQueue(c.userName(), null, null, 0, "", List.of()));
        List<IndexedTrack> songs = q.songs().stream().filter(library.catalog()::has).map(library.catalog()::song).toList();
        c.answer("playQueue", new Shapes.PlayQueue(q.current(), q.positionMillis(), q.user(),
                ItemShapes.time(q.changedMillis()), q.changedBy(), c.shapes().children(songs)));
    }

    private void savePlayQueue(Call c) {
        List<String> ids = c.all("id");
        ids.forEach(library.catalog()::song);
        String current = c.get("current");
        if (current != null && !ids.contains(current)) {
            throw new SubsonicException(SubsonicException.GENERIC, "current must be one of the queue's ids");
        }
        library.state().resumption().saveQueue(c.userName(), ids, current, c.get("position") == null ? null
                : c.longNumber("position", 0), c.get("c") == null ? "unknown" : c.get("c"), now());
    }
}
