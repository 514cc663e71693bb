package org.songspace.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.songspace.audio.AudioFiles;
import org.songspace.features.TrackIds;
import org.songspace.io.Csv;

/**
 * Reads a collection from disk in one of the {@link Layout}s, detecting which when none is given:
 * a .csv file or a folder with {@code manifest.csv} is a manifest; a folder whose label folders hold
 * files named {@code <label>.NNNNN.<ext>} (also under {@code genres/} or {@code genres_original/}) is
 * GTZAN; a folder whose audio all sits in subfolders is folder-per-label; anything else is unlabeled.
 */
public final class DatasetReader {
    /** The manifest file looked for inside a folder. */
    public static final String MANIFEST_NAME = "manifest.csv";
    private static final Pattern GTZAN_NAME = Pattern.compile("([a-z]+)\\.\\d{5}\\.[A-Za-z0-9]+");
    private static final Set<String> PATH_COLUMNS = Set.of("path", "file", "filename", "filepath");
    private static final Set<String> LABEL_COLUMNS = Set.of("label", "genre", "class", "style");
    private static final Set<String> ARTIST_COLUMNS = Set.of("artist", "group", "album_artist");
    private static final Set<String> TITLE_COLUMNS = Set.of("title", "name", "song");
    private static final Set<String> ALBUM_COLUMNS = Set.of("album", "release");

    private DatasetReader() {
    }

    /** Reads with the layout detected from the files. */
    public static Dataset read(Path path) throws IOException {
        return read(path, null);
    }

    /** Reads with the given layout, or the detected one when {@code layout} is null. */
    public static Dataset read(Path path, Layout layout) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        Layout chosen = layout != null ? layout : detect(path);
        return switch (chosen) {
            case MANIFEST -> readManifest(Files.isDirectory(path) ? path.resolve(MANIFEST_NAME) : path);
            case GTZAN -> readLabelFolders(gtzanRoot(path), Layout.GTZAN);
            case FOLDERS -> readLabelFolders(path, Layout.FOLDERS);
            case UNLABELED -> readUnlabeled(path);
        };
    }

    public static Layout detect(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                return Layout.MANIFEST;
            }
            return Layout.UNLABELED;
        }
        if (Files.isRegularFile(path.resolve(MANIFEST_NAME))) {
            return Layout.MANIFEST;
        }
        if (looksLikeGtzan(gtzanRoot(path))) {
            return Layout.GTZAN;
        }
        List<AudioFiles.Found> files = AudioFiles.scan(path);
        boolean allInFolders = files.stream().allMatch(f -> f.relative().getNameCount() > 1);
        return allInFolders ? Layout.FOLDERS : Layout.UNLABELED;
    }

    /** GTZAN copies often wrap the genre folders in genres/ or Data/genres_original/. */
    private static Path gtzanRoot(Path path) {
        for (String inner : List.of("genres", "genres_original", "Data/genres_original")) {
            Path candidate = path.resolve(inner);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return path;
    }

    private static boolean looksLikeGtzan(Path root) throws IOException {
        List<AudioFiles.Found> files;
        try {
            files = AudioFiles.scan(root);
        } catch (IOException e) {
            return false;
        }
        return files.stream().allMatch(f -> {
            if (f.relative().getNameCount() != 2) {
                return false;
            }
            var m = GTZAN_NAME.matcher(f.relative().getFileName().toString());
            return m.matches() && m.group(1).equals(f.relative().getName(0).toString());
        });
    }

    private static Dataset readLabelFolders(Path root, Layout layout) throws IOException {
        AudioFiles.Scan scan = AudioFiles.survey(root);
        List<AudioFiles.Found> files = scan.found();
        for (AudioFiles.Found f : files) {
            if (f.relative().getNameCount() < 2) {
                throw new DatasetException(f.path() + " is not inside a label folder (" + layout.displayName()
                        + " layout: <root>/<label>/<file>); move it into one, or use --layout unlabeled");
            }
        }
        if (layout == Layout.GTZAN) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    boolean empty = files.stream().noneMatch(f -> f.path().startsWith(dir));
                    if (empty) {
                        throw new DatasetException("label folder " + dir + " holds no audio files");
                    }
                }
            }
        }
        List<String> ids = TrackIds.assign(files);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String label = files.get(i).relative().getName(0).toString();
            tracks.add(new Track(ids.get(i), files.get(i).path(), label, null));
        }
        return new Dataset(root, layout, sorted(tracks), scan.report());
    }

    private static Dataset readUnlabeled(Path root) throws IOException {
        AudioFiles.Scan scan = AudioFiles.survey(root);
        List<AudioFiles.Found> files = scan.found();
        List<String> ids = TrackIds.assign(files);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tracks.add(new Track(ids.get(i), files.get(i).path(), null, null));
        }
        return new Dataset(root, Layout.UNLABELED, sorted(tracks), scan.report());
    }

    private static Dataset readManifest(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException("manifest " + csv + " does not exist");
        }
        List<List<String>> rows = Csv.read(csv);
        if (rows.isEmpty()) {
            throw new DatasetException(csv + ": the manifest is empty (expected a header: path,label[,artist])");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
        int pathCol = column(header, PATH_COLUMNS);
        int labelCol = column(header, LABEL_COLUMNS);
        int artistCol = column(header, ARTIST_COLUMNS);
        int titleCol = column(header, TITLE_COLUMNS);
        int albumCol = column(header, ALBUM_COLUMNS);
        if (pathCol < 0) {
            throw new DatasetException(csv + ": the header has no path column (found: " + String.join(",", header)
                    + "; expected path,label[,artist])");
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Track> tracks = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = csv.getFileName() + " line " + line;
            String relative = field(row, pathCol).trim();
            if (relative.isEmpty()) {
                throw new DatasetException(where + ": the path is empty");
            }
            Path file = base.resolve(relative).normalize();
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(where + ": file not found: " + relative + " (resolved to " + file + ")");
            }
            String label = labelCol < 0 ? null : field(row, labelCol).trim();
            if (labelCol >= 0 && label.isEmpty()) {
                throw new DatasetException(where + ": the label is empty for " + relative);
            }
            String artist = artistCol < 0 ? null : field(row, artistCol).trim();
            String id = TrackIds.idOf(relative);
            Integer previous = lineOfId.putIfAbsent(id, line);
            if (previous != null) {
                throw new DatasetException(where + ": duplicate track id '" + id + "' (also on line " + previous + ")");
            }
            String title = titleCol < 0 ? null : field(row, titleCol).trim();
            String album = albumCol < 0 ? null : field(row, albumCol).trim();
            tracks.add(new Track(id, file, label, artist, title, album));
        }
        if (tracks.isEmpty()) {
            throw new DatasetException(csv + ": the manifest lists no tracks");
        }
        return new Dataset(csv, Layout.MANIFEST, sorted(tracks));
    }


    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String field(List<String> row, int col) {
        return col < row.size() ? row.get(col) : "";
    }

    private static List<Track> sorted(List<Track> tracks) {
        List<Track> copy = new ArrayList<>(tracks);
        copy.sort(java.util.Comparator.comparing(Track::id));
        return copy;
    }
}
