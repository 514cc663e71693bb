package org.songspace.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.songspace.features.TrackIds;
import org.songspace.io.AtomicFiles;

/**
 * Split list files in the format of the published GTZAN splits: one relative audio path per line
 * ({@code blues/blues.00029.wav}), a file per part ({@code train_filtered.txt}, {@code valid_filtered.txt},
 * {@code test_filtered.txt}). Lines are matched to tracks by id, so {@code .wav} lists also select the
 * original {@code .au} files.
 */
public final class SplitFiles {
    private static final List<String> PARTS = List.of("train", "valid", "test");

    private SplitFiles() {
    }

    /** What reading a list did: the split, and how many listed tracks were not in the dataset. */
    public record Loaded(Split split, int missing) {
    }

    /**
     * Reads {@code <part>_<name>.txt} (or {@code <part>.txt} when name is empty) from {@code dir}.
     *
     * @param strict when true a listed track that is not in the dataset is an error naming the file and
     *               line; when false it is skipped and counted (for subsets such as gtzan-mini)
     */
    public static Loaded read(Path dir, String name, Dataset dataset, boolean strict) throws IOException {
        Map<String, Track> index = dataset.index();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        int missing = 0;
        for (String part : PARTS) {
            Path file = dir.resolve(name.isEmpty() ? part + ".txt" : part + "_" + name + ".txt");
            List<String> ids = new ArrayList<>();
            if (!Files.exists(file)) {
                if (part.equals("train")) {
                    throw new DatasetException("split list " + file + " does not exist");
                }
                parts.put(part, ids);
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String id = TrackIds.idOf(line);
                if (!index.containsKey(id)) {
                    if (strict) {
                        throw new DatasetException(file.getFileName() + " line " + (i + 1) + ": " + line
                                + " is not in the dataset at " + dataset.root());
                    }
                    missing++;
                    continue;
                }
                ids.add(id);
            }
            parts.put(part, ids);
        }
        String method = "lists " + dir.resolve(name.isEmpty() ? "{train,valid,test}.txt" : "{train,valid,test}_" + name + ".txt");
        try {
            return new Loaded(new Split(method, parts.get("train"), parts.get("valid"), parts.get("test")), missing);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(e.getMessage());
        }
    }

    /**
     * Reads a split named as on the command line: {@code DIR} (train.txt, valid.txt, test.txt) or
     * {@code DIR:NAME} (train_NAME.txt ...), e.g. {@code ../shared/data/gtzan-splits:filtered}. Listed
     * tracks missing from the dataset are skipped and counted.
     */
    public static Loaded read(String spec, Dataset dataset) throws IOException {
        int colon = spec.lastIndexOf(':');
        Path dir = Path.of(colon > 0 ? spec.substring(0, colon) : spec);
        return read(dir, colon > 0 ? spec.substring(colon + 1) : "", dataset, false);
    }

    /** Writes train.txt, valid.txt and test.txt (relative audio paths) into {@code dir}, each atomically. */
    public static void write(Split split, Dataset dataset, Path dir) throws IOException {
        Map<String, Track> index = dataset.index();
        Path base = dataset.layout() == Layout.MANIFEST ? dataset.root().toAbsolutePath().getParent()
                : dataset.root().toAbsolutePath();
        List<List<String>> lists = List.of(split.train(), split.valid(), split.test());
        for (int p = 0; p < PARTS.size(); p++) {
            StringBuilder text = new StringBuilder("# " + split.method() + "\n");
            for (String id : lists.get(p)) {
                Track t = index.get(id);
                String line = t == null ? id : base.relativize(t.path().toAbsolutePath().normalize()).toString();
                text.append(line.replace('\\', '/')).append('\n');
            }
            AtomicFiles.writeString(dir.resolve(PARTS.get(p) + ".txt"), text.toString());
        }
    }

}
