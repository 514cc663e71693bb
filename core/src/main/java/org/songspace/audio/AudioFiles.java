package org.songspace.audio;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the audio files a user points at: one file, or a folder searched recursively (following
 * symbolic links). Nothing under the folder is dropped silently: a file is audio (by extension), obvious
 * non-audio (cover art, playlists, cue sheets, text: counted), or skipped with a reason (unknown type,
 * dangling link, symlink loop, unreadable). Hidden files and folders (".name") are not part of a library.
 */
public final class AudioFiles {
    /** Extensions that are plainly not audio; such files are only counted. */
    static final Set<String> NOT_AUDIO = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff", "heic",
            "svg", "ico", "txt", "md", "nfo", "cue", "log", "m3u", "m3u8", "pls", "xspf", "wpl", "pdf", "doc", "docx",
            "rtf", "htm", "html", "xml", "json", "csv", "tsv", "ini", "db", "sqlite", "sfv", "md5", "sha1", "sha256",
            "ffp", "accurip", "lrc", "srt", "url", "lnk", "nzb", "par2", "torrent", "zip", "rar", "7z", "gz", "tar",
            "npy", "mid", "midi", "mkv", "avi", "mov", "wmv", "flv", "mpg", "mpeg", "m4v");

    private AudioFiles() {
    }

    /** A found file and its path relative to the scanned root (just its name for a single file). */
    public record Found(Path path, Path relative) {
    }

    /** A file under the root that is not analysed, and why. */
    public record Skipped(Path path, String reason) {
    }

    /**
     * What a scan found: the audio files, the files skipped with a reason, and how many files were plainly
     * not audio.
     */
    public record Scan(List<Found> found, List<Skipped> skipped, int notAudio) {
        public Scan {
            found = List.copyOf(found);
            skipped = List.copyOf(skipped);
        }

        /** What was left out, without the audio list (kept with a dataset for its summary). */
        public ScanReport report() {
            return new ScanReport(skipped, notAudio);
        }
    }

    /**
     * Lists supported audio under {@code input} in a stable (sorted) order. A single file is returned as
     * is whatever its extension, so that its decoder can say what is wrong with it.
     *
     * @throws NoSuchFileException when input does not exist
     * @throws IOException         when a folder holds no supported audio
     */
    public static List<Found> scan(Path input) throws IOException {
        return survey(input).found();
    }

    /** Like {@link #scan} but also reports what was left out. */
    public static Scan survey(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, Files.isSymbolicLink(input)
                    ? "dangling symbolic link" : "no such file or folder");
        }
        if (!Files.isDirectory(input)) {
            return new Scan(List.of(new Found(input, input.getFileName())), List.of(), 0);
        }
        Walker walker = new Walker(input);
        Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
        walker.found.sort(Comparator.comparing(f -> f.path().toString()));
        walker.skipped.sort(Comparator.comparing(s -> s.path().toString()));
        if (walker.found.isEmpty()) {
            throw new IOException(input + ": no audio files found (looked for " + String.join(", ",
                    AudioLoader.EXTENSIONS.stream().sorted().toList()) + ")" + (walker.skipped.isEmpty() ? ""
                    : "; skipped " + walker.skipped.size() + ", e.g. " + walker.skipped.get(0).path() + ": "
                    + walker.skipped.get(0).reason()));
        }
        return new Scan(walker.found, walker.skipped, walker.notAudio);
    }

    /** Whether a file of this name is one songspace decodes (by its extension). */
    public static boolean looksLikeAudio(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && AudioLoader.EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** Sorts every entry of the tree into found, skipped or not audio. */
    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Found> found = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private int notAudio;

        Walker(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(file)) {
                notAudio++;
            } else if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS a link shows up as a link only when its target cannot be read.
                skipped.add(new Skipped(file, "dangling symbolic link"));
            } else if (!attrs.isRegularFile()) {
                skipped.add(new Skipped(file, "not a regular file (device, pipe or socket)"));
            } else {
                String ext = extension(file);
                if (AudioLoader.EXTENSIONS.contains(ext)) {
                    if (Files.isReadable(file)) {
                        found.add(new Found(file, root.relativize(file)));
                    } else {
                        skipped.add(new Skipped(file, "unreadable (permission denied)"));
                    }
                } else if (NOT_AUDIO.contains(ext)) {
                    notAudio++;
                } else {
                    skipped.add(new Skipped(file, ext.isEmpty() ? "unknown file type (no extension)"
                            : "unknown file type (." + ext + ")"));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason;
            if (e instanceof FileSystemLoopException) {
                reason = "symbolic link loop";
            } else if (e instanceof AccessDeniedException) {
                reason = "unreadable (permission denied)";
            } else {
                reason = "unreadable (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            skipped.add(new Skipped(file, reason));
            return FileVisitResult.CONTINUE;
        }

        private static boolean isHidden(Path p) {
            Path name = p.getFileName();
            return name != null && name.toString().startsWith(".");
        }
    }
}
