package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.io.Csv;
import org.songspace.io.UserError;
import org.songspace.map.Projection;
import org.songspace.map.ScatterPlot;
import org.songspace.vectors.EmbeddingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Project embeddings to 2-D (or 3-D) with UMAP or PCA: writes OUT.png (a scatter coloured by "
                + "label, from the first two components) and OUT.csv (id, label, x, y[, z])."},
        footer = {"", "Example:", "  ./songspace map embeddings/triplet.npy --out maps/triplet --components 3"})
final class MapCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EMBEDDINGS", description = "An embeddings .npy written by embed (its .csv beside it).")
    Path embeddings;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PREFIX", description = "Output prefix: PREFIX.png and PREFIX.csv.")
    Path out;

    @Option(names = "--projection", defaultValue = "umap", description = "umap or pca (default: ${DEFAULT-VALUE}).")
    Projection.Method projection;

    @Option(names = "--components", defaultValue = "2", description = "2 or 3 (default: ${DEFAULT-VALUE}).")
    int components;

    @Option(names = "--seed", defaultValue = "42", description = "UMAP seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        EmbeddingSet set = EmbeddingSet.read(embeddings);
        if (set.vectors().length < 2) {
            throw new UserError(embeddings + " holds " + set.vectors().length + " vectors; a map needs at least 2");
        }
        float[][] coords = Projection.project(set.vectors(), projection, components, seed);
        List<List<Object>> rows = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        int[] labels = new int[coords.length];
        for (int i = 0; i < coords.length; i++) {
            EmbeddingSet.Entry e = set.entries().get(i);
            List<Object> row = new java.util.ArrayList<>(List.of(e.id(), e.label() == null ? "" : e.label()));
            for (float c : coords[i]) {
                row.add(c);
            }
            rows.add(row);
            String label = e.label() == null || e.label().isBlank() ? null : e.label();
            if (label != null && !names.contains(label)) {
                names.add(label);
            }
            labels[i] = label == null ? -1 : names.indexOf(label);
        }
        java.util.List<String> sorted = names.stream().sorted().toList();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labels[i] < 0 ? -1 : sorted.indexOf(names.get(labels[i]));
        }
        Path png = out.resolveSibling(out.getFileName() + ".png");
        Path csvPath = out.resolveSibling(out.getFileName() + ".csv");
        Csv.write(csvPath, components == 3 ? List.of("id", "label", "x", "y", "z") : List.of("id", "label", "x", "y"), rows);
        ScatterPlot.write(png, set.modelId() + " - " + projection.name() + " map", coords, labels, sorted, 900, 640);
        System.out.printf(Locale.ROOT, "map: %d tracks, %s %d-D -> %s, %s%n", coords.length, projection.name().toLowerCase(Locale.ROOT),
                components, png, csvPath);
        return 0;
    }
}
