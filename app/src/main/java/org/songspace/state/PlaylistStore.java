package org.songspace.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Playlists: a name, an owner, public or not, and songs in order. Changes keep the playlist's id, so a
 * client that synced it finds the same playlist again.
 */
public final class PlaylistStore {
    public record Playlist(long id, String owner, String name, String comment, boolean isPublic, long createdMillis,
                           long changedMillis, List<String> songs) {
    }

    /** What an update changes; null fields stay as they are. */
    public record Change(String name, String comment, Boolean isPublic, List<String> songsToAdd, Set<Integer> indexesToRemove) {
    }

    private final StateStore store;

    PlaylistStore(StateStore store) {
        this.store = store;
    }

    public Playlist create(String owner, String name, List<String> songs, long nowMillis) {
        long id = store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO playlist (owner, name, comment, public, created, changed)"
                    + " VALUES (?, ?, NULL, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Marks.bind(s, owner, name).setLong(3, nowMillis);
                s.setLong(4, nowMillis);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    long created = keys.getLong(1);
                    writeSongs(db, created, songs);
                    return created;
                }
            }
        });
        return get(id).orElseThrow();
    }

    /** Replaces the songs (createPlaylist with an existing id). */
    public void replaceSongs(long id, List<String> songs, long nowMillis) {
        store.transaction(db -> {
            setSongs(db, id, songs, nowMillis);
            return null;
        });
    }

    public void update(long id, Change change, long nowMillis) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("UPDATE playlist SET name = coalesce(?, name),"
                    + " comment = coalesce(?, comment), public = coalesce(?, public) WHERE id = ?")) {
                s.setString(1, change.name());
                s.setString(2, change.comment());
                s.setObject(3, change.isPublic() == null ? null : change.isPublic() ? 1 : 0);
                s.setLong(4, id);
                s.executeUpdate();
            }
            List<String> songs = new ArrayList<>(songs(db, id));
            for (int index : new TreeSet<>(change.indexesToRemove()).descendingSet()) {
                if (index >= 0 && index < songs.size()) {
                    songs.remove(index);
                }
            }
            songs.addAll(change.songsToAdd());
            setSongs(db, id, songs, nowMillis);
            return null;
        });
    }

    public void delete(long id) {
        store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM playlist WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Playlist> get(long id) {
        return store.transaction(db -> {
            try (PreparedStatement s = db.prepareStatement("SELECT id, owner, name, comment, public, created, changed"
                    + " FROM playlist WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(db, rs)) : Optional.empty();
                }
            }
        });
    }

    /** The playlists {@code user} may see: their own and everyone's public ones, by name. */
    public List<Playlist> visibleTo(String user) {
        return store.transaction(db -> {
            List<Playlist> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT id, owner, name, comment, public, created, changed"
                    + " FROM playlist WHERE owner = ? OR public = 1 ORDER BY name COLLATE NOCASE, id")) {
                s.setString(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(db, rs));
                    }
                }
            }
            return out;
        });
    }

    private static Playlist read(Connection db, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new Playlist(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1, rs.getLong(6),
                rs.getLong(7), songs(db, id));
    }

    private static List<String> songs(Connection db, long id) throws SQLException {
        List<String> songs = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT song FROM playlist_entry WHERE playlist = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    songs.add(rs.getString(1));
                }
            }
        }
        return songs;
    }

    private static void writeSongs(Connection db, long id, List<String> songs) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO playlist_entry VALUES (?, ?, ?)")) {
            for (int i = 0; i < songs.size(); i++) {
                s.setLong(1, id);
                s.setInt(2, i);
                s.setString(3, songs.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The playlist's songs replaced by {@code songs}, and its change time set. */
    private static void setSongs(Connection db, long id, List<String> songs, long nowMillis) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("DELETE FROM playlist_entry WHERE playlist = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        writeSongs(db, id, songs);
        touch(db, id, nowMillis);
    }

    private static void touch(Connection db, long id, long nowMillis) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE playlist SET changed = ? WHERE id = ?")) {
            s.setLong(1, nowMillis);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
