package org.songspace.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener's marks on the library: stars and ratings (on songs, albums and artists), play counts with the
 * last play, every play, and what is playing now. Reads come from a per-user snapshot kept in memory and
 * dropped on each change, so that listing thousands of songs with their marks costs no query per song.
 */
public final class Marks {
    /** What can be starred and rated. */
    public enum Kind { SONG, ALBUM, ARTIST }

    public record Play(long count, long lastMillis) {
    }

    /** One user's marks: key = kind + ":" + id. */
    public record Snapshot(Map<String, Long> starredAt, Map<String, Integer> ratings, Map<String, Play> plays) {
        public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of());

        public Long starred(Kind kind, String id) {
            return starredAt.get(key(kind, id));
        }

        public Integer rating(Kind kind, String id) {
            return ratings.get(key(kind, id));
        }

        public Play play(String songId) {
            return plays.get(songId);
        }
    }

    public record NowPlaying(String user, String client, String song, long atMillis) {
    }

    private final StateStore store;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    Marks(StateStore store) {
        this.store = store;
    }

    static String key(Kind kind, String id) {
        return kind.name() + ":" + id;
    }

    public void star(String user, Kind kind, List<String> ids, long atMillis) {
        change(user, db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT OR IGNORE INTO star VALUES (?, ?, ?, ?)")) {
                for (String id : ids) {
                    bind(s, user, kind.name(), id).setLong(4, atMillis);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    public void unstar(String user, Kind kind, List<String> ids) {
        change(user, db -> {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM star WHERE user = ? AND kind = ? AND item = ?")) {
                for (String id : ids) {
                    bind(s, user, kind.name(), id).executeUpdate();
                }
            }
            return null;
        });
    }

    /** Rating 1-5; 0 removes it. */
    public void rate(String user, Kind kind, String id, int rating) {
        change(user, db -> {
            String sql = rating == 0 ? "DELETE FROM rating WHERE user = ? AND kind = ? AND item = ?"
                    : "INSERT INTO rating VALUES (?, ?, ?, ?) ON CONFLICT (user, kind, item) DO UPDATE SET rating = excluded.rating";
            try (PreparedStatement s = db.prepareStatement(sql)) {
                bind(s, user, kind.name(), id);
                if (rating != 0) {
                    s.setInt(4, rating);
                }
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A finished play: the count goes up and the play is logged. */
    public void played(String user, String song, long atMillis) {
        change(user, db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO play_count VALUES (?, ?, 1, ?) ON CONFLICT (user, song)"
                    + " DO UPDATE SET count = count + 1, last = max(last, excluded.last)")) {
                bind(s, user, song).setLong(3, atMillis);
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepareStatement("INSERT INTO play VALUES (?, ?, ?)")) {
                bind(s, user, song).setLong(3, atMillis);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void nowPlaying(String user, String client, String song, long atMillis) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO now_playing VALUES (?, ?, ?, ?) ON CONFLICT (user, client)"
                    + " DO UPDATE SET song = excluded.song, at = excluded.at")) {
                bind(s, user, client, song).setLong(4, atMillis);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What was reported playing since {@code sinceMillis}, newest first. */
    public List<NowPlaying> nowPlaying(long sinceMillis) {
        return store.transaction(db -> {
            List<NowPlaying> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT user, client, song, at FROM now_playing WHERE at >= ? ORDER BY at DESC")) {
                s.setLong(1, sinceMillis);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new NowPlaying(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Song ids with how often {@code user} played each since {@code sinceMillis}, most played first. */
    public Map<String, Integer> playsSince(String user, long sinceMillis) {
        return store.transaction(db -> {
            Map<String, Integer> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT song, count(*) AS n FROM play WHERE user = ? AND at >= ?"
                    + " GROUP BY song ORDER BY n DESC, max(at) DESC")) {
                bind(s, user).setLong(2, sinceMillis);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    public Snapshot of(String user) {
        return snapshots.computeIfAbsent(user, this::load);
    }

    private Snapshot load(String user) {
        return store.transaction(db -> {
            Map<String, Long> stars = new HashMap<>();
            Map<String, Integer> ratings = new HashMap<>();
            Map<String, Play> plays = new HashMap<>();
            query(db, "SELECT kind, item, at FROM star WHERE user = ?", user, rs -> stars.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3)));
            query(db, "SELECT kind, item, rating FROM rating WHERE user = ?", user, rs -> ratings.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3)));
            query(db, "SELECT song, count, last FROM play_count WHERE user = ?", user, rs -> plays.put(rs.getString(1), new Play(rs.getLong(2), rs.getLong(3))));
            return new Snapshot(Map.copyOf(stars), Map.copyOf(ratings), Map.copyOf(plays));
        });
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, String user, Row row) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private void change(String user, StateStore.Work<Void> work) {
        try {
            store.transaction(work);
        } finally {
            snapshots.remove(user);
        }
    }

    static PreparedStatement bind(PreparedStatement s, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setString(i + 1, values[i]);
        }
        return s;
    }
}
