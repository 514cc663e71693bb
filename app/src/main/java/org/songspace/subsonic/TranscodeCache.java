package org.songspace.subsonic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.songspace.audio.AudioFormatException;
import org.songspace.audio.Transcoder;
import org.songspace.index.IndexedTrack;

/**
 * Transcoded copies of songs, kept on disk so that a player's seeks (range requests) and replays cost one
 * encode: {@code DIR/transcoded/<song hash>-<kbps>.<suffix>}, named after the song's id, size and time, so
 * a changed file is encoded again. At most {@value #MAX_FILES} copies are kept (the least recently made go
 * first), and at most {@value #CONCURRENT} encodes run at once.
 */
final class TranscodeCache {
    static final int MAX_FILES = 200;
    static final int CONCURRENT = 2;
    static final double TIMEOUT_SECONDS = 300;

    private final Path dir;
    private final Semaphore encoders = new Semaphore(CONCURRENT);

    TranscodeCache(Path dir) {
        this.dir = dir;
    }

    /** The song as {@code target} at {@code kbps}, encoded now unless a copy is kept. */
    Path get(IndexedTrack song, Transcoder.Target target, int kbps) throws IOException, AudioFormatException {
        Files.createDirectories(dir);
        String key = SubsonicCatalog.id("", song.id() + "\u0000" + song.sourceBytes() + "\u0000" + song.sourceModified());
        Path copy = dir.resolve(key + "-" + kbps + "." + target.suffix);
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        try {
            encoders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to transcode", e);
        }
        try {
            if (Files.isRegularFile(copy)) {
                return copy;
            }
            Path partial = Files.createTempFile(dir, key, ".part." + target.suffix);
            try {
                Transcoder.transcode(Path.of(song.path()), target, kbps, partial, TIMEOUT_SECONDS);
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } finally {
            encoders.release();
        }
        trim();
        return copy;
    }

    private void trim() throws IOException {
        List<Path> copies;
        try (Stream<Path> files = Files.list(dir)) {
            copies = files.filter(p -> !p.getFileName().toString().contains(".part.")).sorted(Comparator.comparingLong(TranscodeCache::modified)).toList();
        }
        for (int i = 0; i < copies.size() - MAX_FILES; i++) {
            Files.deleteIfExists(copies.get(i));
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
