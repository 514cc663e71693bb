package org.songspace.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.songspace.io.UserError;

/**
 * What listeners do, kept in one SQLite file: stars, ratings, plays, now playing ({@link Marks}),
 * playlists ({@link PlaylistStore}), bookmarks and play queues ({@link Resumption}). Every change is one
 * transaction, written to disk before the call returns (WAL, synchronous=FULL), so a kill -9 right after
 * an acknowledged call loses nothing. State is keyed by the index's stable track ids, so re-indexing keeps
 * it. One connection, used by one thread at a time: a home server's writes are few and small.
 */
public final class StateStore implements AutoCloseable {
    /** The file's name in the index folder (or in {@code serve --data DIR}). */
    public static final String FILE_NAME = "songspace-state.db";
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection db;
    private final Marks marks;
    private final PlaylistStore playlists;
    private final Resumption resumption;

    /** Something SQLite refused (a full disk, a file another program broke). */
    public static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Work inside one transaction. */
    interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private StateStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.marks = new Marks(this);
        this.playlists = new PlaylistStore(this);
        this.resumption = new Resumption(this);
    }

    /** Opens (or creates) the state file in {@code dir}. */
    public static StateStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UserError(file + " cannot be written: serve keeps playlists, stars and plays there (--data DIR elsewhere)");
        }
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            StateStore store = new StateStore(file, db);
            store.migrate();
            return store;
        } catch (SQLException e) {
            throw new UserError(file + " is not a songspace state file SQLite can open (" + e.getMessage() + ")", e);
        }
    }

    public Marks marks() {
        return marks;
    }

    public PlaylistStore playlists() {
        return playlists;
    }

    public Resumption resumption() {
        return resumption;
    }

    public Path file() {
        return file;
    }

    synchronized <T> T transaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Failure("the state file " + file + " refused a change: " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = db.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("made by a newer songspace (schema " + version + "); upgrade songspace");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        transaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : Schema.VERSION_1) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new Failure("closing " + file + ": " + e.getMessage(), e);
        }
    }
}
