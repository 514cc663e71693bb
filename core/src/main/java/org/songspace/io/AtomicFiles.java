package org.songspace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Outputs appear whole or not at all: write to a temp file in the same folder, then move it in place. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content; it must not close the stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        if (target.toString().isEmpty()) {
            throw new IOException("an empty path names no file");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder; give a file name");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || target.getFileName() == null) {
            throw new IOException("'" + target + "' names no file");
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IOException("cannot write " + target + ": " + p + " is a file, not a folder");
            }
        }
        Files.createDirectories(dir);
        // Not createTempFile: that makes the file owner-only (0600); outputs keep the usual umask permissions.
        Path tmp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        OutputStream file;
        try {
            file = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (java.nio.file.FileSystemException e) {
            // Name the file the user asked for, not our temporary one.
            throw new IOException("cannot write " + target + " (" + (e.getReason() == null ? e.getClass().getSimpleName()
                    : e.getReason()) + ")", e);
        }
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(file, 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Deletes a folder and everything under it (a scratch folder; nothing if it is gone already). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
