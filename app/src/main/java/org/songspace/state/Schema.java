package org.songspace.state;

import java.util.List;

/** The state file's tables. Times are milliseconds since 1970 (UTC); ids are the index's track ids. */
final class Schema {
    private Schema() {
    }

    static final List<String> VERSION_1 = List.of(
            // kind: song, album or artist (Subsonic ids of each).
            "CREATE TABLE star (user TEXT NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL, at INTEGER NOT NULL,"
                    + " PRIMARY KEY (user, kind, item))",
            "CREATE TABLE rating (user TEXT NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL, rating INTEGER NOT NULL,"
                    + " PRIMARY KEY (user, kind, item))",
            "CREATE TABLE play_count (user TEXT NOT NULL, song TEXT NOT NULL, count INTEGER NOT NULL, last INTEGER NOT NULL,"
                    + " PRIMARY KEY (user, song))",
            // Every play, for "what did I play most these last weeks".
            "CREATE TABLE play (user TEXT NOT NULL, song TEXT NOT NULL, at INTEGER NOT NULL)",
            "CREATE INDEX play_by_user_time ON play (user, at)",
            "CREATE TABLE now_playing (user TEXT NOT NULL, client TEXT NOT NULL, song TEXT NOT NULL, at INTEGER NOT NULL,"
                    + " PRIMARY KEY (user, client))",
            "CREATE TABLE playlist (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, name TEXT NOT NULL,"
                    + " comment TEXT, public INTEGER NOT NULL, created INTEGER NOT NULL, changed INTEGER NOT NULL)",
            "CREATE TABLE playlist_entry (playlist INTEGER NOT NULL REFERENCES playlist(id) ON DELETE CASCADE,"
                    + " position INTEGER NOT NULL, song TEXT NOT NULL, PRIMARY KEY (playlist, position))",
            "CREATE TABLE bookmark (user TEXT NOT NULL, song TEXT NOT NULL, position INTEGER NOT NULL, comment TEXT,"
                    + " created INTEGER NOT NULL, changed INTEGER NOT NULL, PRIMARY KEY (user, song))",
            "CREATE TABLE play_queue (user TEXT PRIMARY KEY, current TEXT, position INTEGER, changed INTEGER NOT NULL,"
                    + " changed_by TEXT NOT NULL)",
            "CREATE TABLE play_queue_entry (user TEXT NOT NULL REFERENCES play_queue(user) ON DELETE CASCADE,"
                    + " position INTEGER NOT NULL, song TEXT NOT NULL, PRIMARY KEY (user, position))");
}
