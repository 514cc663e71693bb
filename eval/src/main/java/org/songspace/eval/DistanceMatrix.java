package org.songspace.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Track;
import org.songspace.io.UserError;
import org.songspace.vectors.Distance;

/**
 * Another tool's distances between the tracks of a collection, so they are scored by exactly the folds and
 * k-NN rule songspace's own models get. Read from the MIREX full distance-matrix format (what Musly and
 * other MIREX-era tools write): a title line, numbered paths ({@code 1<TAB>path}), a {@code Q/R} line
 * naming the columns, and one row of distances per track ({@code i<TAB>d1<TAB>...}), rows and columns in
 * any order. Lower is closer.
 *
 * @param system    the title line
 * @param paths     the tracks, in row order
 * @param distances {@code distances[i][j]} from track i to track j
 */
public record DistanceMatrix(String system, List<String> paths, float[][] distances) {

    /** Whether {@code file} starts like a MIREX matrix: a title, then a line {@code 1<TAB>...}. */
    public static boolean looksLikeMirex(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return in.readLine() != null && String.valueOf(in.readLine()).startsWith("1\t");
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        }
    }

    public static DistanceMatrix readMirex(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String system = in.readLine();
            Map<Integer, String> numbered = new LinkedHashMap<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null && !line.startsWith("Q/R")) {
                lineNo++;
                String[] f = line.split("\t", 2);
                if (f.length != 2 || numbered.put(number(f[0], file, lineNo), f[1]) != null) {
                    throw new UserError(file + " line " + lineNo + ": expected a new number, a tab and a path");
                }
            }
            if (line == null) {
                throw new UserError(file + " has no Q/R line: not a MIREX full distance matrix");
            }
            lineNo++;
            int n = numbered.size();
            Map<Integer, Integer> rowOf = new HashMap<>();
            List<String> paths = new ArrayList<>();
            for (Map.Entry<Integer, String> e : numbered.entrySet()) {
                rowOf.put(e.getKey(), paths.size());
                paths.add(e.getValue());
            }
            int[] column = columns(line.split("\t"), rowOf, file, lineNo);
            float[][] d = new float[n][];
            for (int r = 0; r < n; r++) {
                line = in.readLine();
                lineNo++;
                if (line == null) {
                    throw new UserError(file + " ends after " + r + " of its " + n + " rows");
                }
                String[] f = line.split("\t");
                Integer row = rowOf.get(number(f[0], file, lineNo));
                if (row == null || d[row] != null || f.length != n + 1) {
                    throw new UserError(file + " line " + lineNo + ": expected the row of a track not seen yet, with "
                            + n + " distances");
                }
                d[row] = new float[n];
                for (int c = 0; c < n; c++) {
                    float v = parse(f[c + 1], file, lineNo);
                    d[row][column[c]] = v;
                }
            }
            return new DistanceMatrix(system, List.copyOf(paths), d);
        }
    }

    private static int[] columns(String[] header, Map<Integer, Integer> rowOf, Path file, int lineNo) {
        if (header.length != rowOf.size() + 1) {
            throw new UserError(file + " line " + lineNo + ": Q/R names " + (header.length - 1) + " columns for "
                    + rowOf.size() + " tracks");
        }
        int[] column = new int[header.length - 1];
        for (int c = 0; c < column.length; c++) {
            Integer row = rowOf.get(number(header[c + 1], file, lineNo));
            if (row == null) {
                throw new UserError(file + " line " + lineNo + ": column " + header[c + 1] + " is no numbered track");
            }
            column[c] = row;
        }
        return column;
    }

    private static int number(String s, Path file, int lineNo) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new UserError(file + " line " + lineNo + ": \"" + s + "\" is not a track number");
        }
    }

    private static float parse(String s, Path file, int lineNo) {
        try {
            float v = Float.parseFloat(s.trim());
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(file + " line " + lineNo + ": \"" + s + "\" is not a finite distance");
    }

    /** The distance between two tracks given by their row numbers, as one-float vectors {@code {row}}. */
    public Distance distance() {
        return new Distance() {
            @Override
            public double between(float[] a, float[] b) {
                return distances[(int) a[0]][(int) b[0]];
            }

            @Override
            public String name() {
                return "matrix";
            }
        };
    }

    /**
     * The row of each of {@code dataset}'s tracks that the matrix holds, by path: as written, or relative to
     * the collection's root, or, when the matrix used other folders, by a file name that is unique on both
     * sides. Tracks the matrix lacks are left out.
     */
    public Map<Track, Integer> rowsOf(Dataset dataset) {
        Map<Path, Integer> byPath = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int r = 0; r < paths.size(); r++) {
            Path p = Path.of(paths.get(r));
            Path full = (p.isAbsolute() ? p : dataset.root().resolve(p)).toAbsolutePath().normalize();
            byPath.put(full, r);
            byName.merge(String.valueOf(p.getFileName()), r, (x, y) -> -1);
        }
        Map<String, Integer> namesInData = new HashMap<>();
        for (Track t : dataset.tracks()) {
            namesInData.merge(String.valueOf(t.path().getFileName()), 1, Integer::sum);
        }
        Map<Track, Integer> rows = new LinkedHashMap<>();
        for (Track t : dataset.tracks()) {
            Integer r = byPath.get(t.path().toAbsolutePath().normalize());
            String name = String.valueOf(t.path().getFileName());
            if (r == null && namesInData.get(name) == 1) {
                r = byName.get(name);
            }
            if (r != null && r >= 0) {
                rows.put(t, r);
            }
        }
        return rows;
    }
}
