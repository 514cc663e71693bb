package org.songspace.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.songspace.audio.AudioFiles;
import org.songspace.features.TrackIds;
import org.songspace.io.UserError;

/**
 * What a cluster run analyses, listed on the driver: a local folder (walked like {@code songspace index}
 * walks it, with the same track ids), a text file of paths (one a line, local or any Hadoop filesystem
 * URI), or a glob or URI that Hadoop's filesystem API expands (hdfs://, s3a://, file:/...).
 */
public final class LibraryListing {
    /** One input file and the stamp that says whether it changed. */
    public record Input(String id, String path, long size, long modified) implements Serializable {
    }

    private LibraryListing() {
    }

    static List<Input> list(String library, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        Path local = asLocal(library);
        if (local != null && Files.isDirectory(local)) {
            return walk(local);
        }
        if (local != null && Files.isRegularFile(local) && local.getFileName().toString().endsWith(".txt")) {
            List<Input> out = new ArrayList<>();
            for (String line : Files.readAllLines(local, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.addAll(glob(line.strip(), hadoop));
                }
            }
            return out;
        }
        List<Input> out = glob(library, hadoop);
        if (out.isEmpty()) {
            throw new UserError(library + ": no audio files there (a folder, a .txt list of paths, or a glob/URI)");
        }
        return out;
    }

    /** The local path a name means (a plain path or a file: URI), or null for another filesystem's URI. */
    static Path asLocal(String library) {
        if (library.contains("://") && !library.startsWith("file:")) {
            return null;
        }
        try {
            return library.startsWith("file:") ? Path.of(java.net.URI.create(library)) : Path.of(library);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Input> walk(Path root) throws IOException {
        AudioFiles.Scan scan = AudioFiles.survey(root);
        for (AudioFiles.Skipped s : scan.skipped()) {
            System.err.println("skipped " + s.path() + ": " + s.reason());
        }
        List<String> ids = TrackIds.assign(scan.found());
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Path p = scan.found().get(i).path().toAbsolutePath().normalize();
            out.add(new Input(ids.get(i), p.toString(), Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        }
        return out;
    }

    private static List<Input> glob(String pattern, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(pattern);
        org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(hadoop);
        org.apache.hadoop.fs.FileStatus[] matches = fs.globStatus(p);
        List<Input> out = new ArrayList<>();
        if (matches == null) {
            return out;
        }
        for (org.apache.hadoop.fs.FileStatus s : matches) {
            if (s.isDirectory()) {
                var files = fs.listFiles(s.getPath(), true);
                while (files.hasNext()) {
                    var f = files.next();
                    if (AudioFiles.looksLikeAudio(f.getPath().getName())) {
                        out.add(input(f));
                    }
                }
            } else {
                out.add(input(s));
            }
        }
        return out;
    }

    private static Input input(org.apache.hadoop.fs.FileStatus s) {
        String path = s.getPath().toString();
        return new Input(path, path, s.getLen(), s.getModificationTime());
    }
}
