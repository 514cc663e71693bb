package org.songspace.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.songspace.io.Csv;
import org.songspace.io.Npy;

/**
 * Embeddings of a set of tracks, with the model that made them. On disk: {@code NAME.npy} (float32
 * [tracks, dim], {@code np.load}-able) and {@code NAME.csv} (row, id, path, label, artist, model_id), rows
 * in the same order.
 */
public record EmbeddingSet(String modelId, List<Entry> entries, float[][] vectors) {

    /** One track's identity; label and artist may be empty. */
    public record Entry(String id, String path, String label, String artist) {
    }

    public EmbeddingSet {
        if (entries.size() != vectors.length) {
            throw new IllegalArgumentException(entries.size() + " entries but " + vectors.length + " vectors");
        }
        entries = List.copyOf(entries);
    }

    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    /** The .csv that goes with an .npy path. */
    public static Path csvFor(Path npy) {
        String name = npy.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(stem + ".csv");
    }

    public void write(Path npy) throws IOException {
        int dim = dimension();
        float[] flat = new float[vectors.length * dim];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, flat, i * dim, dim);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            rows.add(java.util.Arrays.asList(i, e.id(), e.path(), e.label(), e.artist(), modelId));
        }
        Npy.write(npy, flat, vectors.length, dim);
        Csv.write(csvFor(npy), List.of("row", "id", "path", "label", "artist", "model_id"), rows);
    }

    public static EmbeddingSet read(Path npy) throws IOException {
        Npy.FloatArray array = Npy.read(npy);
        if (array.shape().length != 2) {
            throw new IOException(npy + ": expected a [tracks, dim] matrix");
        }
        Path csvPath = csvFor(npy);
        if (!Files.isRegularFile(csvPath)) {
            throw new IOException(npy + ": its track list " + csvPath.getFileName() + " is missing");
        }
        List<List<String>> rows = Csv.read(csvPath);
        List<Entry> entries = new ArrayList<>();
        String modelId = "";
        for (List<String> f : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (f.size() < 6) {
                throw new IOException(csvPath + ": expected 6 columns (row,id,path,label,artist,model_id), got " + f);
            }
            entries.add(new Entry(f.get(1), f.get(2), f.get(3), f.get(4)));
            modelId = f.get(5);
        }
        if (entries.size() != array.rows()) {
            throw new IOException(npy + " holds " + array.rows() + " vectors but " + csvPath.getFileName() + " lists "
                    + entries.size() + " tracks");
        }
        float[][] vectors = new float[array.rows()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = java.util.Arrays.copyOfRange(array.data(), i * array.cols(), (i + 1) * array.cols());
        }
        return new EmbeddingSet(modelId, entries, vectors);
    }
}
