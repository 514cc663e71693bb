package org.songspace.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a listener left off: bookmarks in long songs, and the play queue a client saved for another to resume. */
public final class Resumption {
    public record Bookmark(String user, String song, long positionMillis, String comment, long createdMillis,
                           long changedMillis) {
    }

    public record PlayQueue(String user, String current, Long positionMillis, long changedMillis, String changedBy,
                            List<String> songs) {
    }

    private final StateStore store;

    Resumption(StateStore store) {
        this.store = store;
    }

    public void bookmark(String user, String song, long positionMillis, String comment, long nowMillis) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO bookmark VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user, song)"
                    + " DO UPDATE SET position = excluded.position, comment = excluded.comment, changed = excluded.changed")) {
                Marks.bind(s, user, song).setLong(3, positionMillis);
                s.setString(4, comment);
                s.setLong(5, nowMillis);
                s.setLong(6, nowMillis);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void deleteBookmark(String user, String song) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM bookmark WHERE user = ? AND song = ?")) {
                Marks.bind(s, user, song).executeUpdate();
            }
            return null;
        });
    }

    public List<Bookmark> bookmarks(String user) {
        return store.transaction(db -> {
            List<Bookmark> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT song, position, comment, created, changed FROM bookmark"
                    + " WHERE user = ? ORDER BY changed DESC")) {
                Marks.bind(s, user);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Bookmark(user, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Saves a queue; an empty list of songs clears it, as the spec says. */
    public void saveQueue(String user, List<String> songs, String current, Long positionMillis, String client, long nowMillis) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM play_queue WHERE user = ?")) {
                Marks.bind(s, user).executeUpdate();
            }
            if (songs.isEmpty()) {
                return null;
            }
            try (PreparedStatement s = db.prepareStatement("INSERT INTO play_queue VALUES (?, ?, ?, ?, ?)")) {
                Marks.bind(s, user, current);
                s.setObject(3, positionMillis);
                s.setLong(4, nowMillis);
                s.setString(5, client);
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepareStatement("INSERT INTO play_queue_entry VALUES (?, ?, ?)")) {
                for (int i = 0; i < songs.size(); i++) {
                    s.setString(1, user);
                    s.setInt(2, i);
                    s.setString(3, songs.get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public Optional<PlayQueue> queue(String user) {
        return store.transaction(db -> {
            PlayQueue head;
            try (PreparedStatement s = db.prepareStatement("SELECT current, position, changed, changed_by FROM play_queue WHERE user = ?")) {
                Marks.bind(s, user);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long position = rs.getLong(2);
                    head = new PlayQueue(user, rs.getString(1), rs.wasNull() ? null : position, rs.getLong(3), rs.getString(4), List.of());
                }
            }
            List<String> songs = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT song FROM play_queue_entry WHERE user = ? ORDER BY position")) {
                Marks.bind(s, user);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        songs.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new PlayQueue(user, head.current(), head.positionMillis(), head.changedMillis(), head.changedBy(), songs));
        });
    }
}
