package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.DatasetException;
import org.songspace.dataset.DatasetReader;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Split;
import org.songspace.dataset.SplitFiles;
import org.songspace.dataset.Splitter;
import org.songspace.dataset.Track;
import org.songspace.embed.TagModel;
import org.songspace.embed.TimbreModel;
import org.songspace.embed.TrackEmbedder;
import org.songspace.eval.DistanceMatrix;
import org.songspace.eval.Evaluation;
import org.songspace.eval.EvaluationResult;
import org.songspace.eval.Hubness;
import org.songspace.eval.LabeledVectors;
import org.songspace.io.Json;
import org.songspace.io.UserError;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;
import org.songspace.vectors.Distance;
import org.songspace.vectors.EmbeddingSet;
import org.songspace.vectors.Knn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure what embeddings mean: k-NN accuracy of held-out tracks (holdout and k-fold), per-class "
                + "precision/recall and confusion matrix, precision@k and mAP with labels as relevance, silhouette.",
            "SOURCE is an embeddings .npy (labels from its .csv, or from DATA), a model folder (DATA is then "
                + "embedded, and the model's own split gives the holdout), or another tool's distances between "
                + "DATA's tracks as a MIREX full distance matrix (e.g. Musly's), scored by the same folds. Needs labels."},
        footer = {"", "Examples:", "  ./songspace evaluate embeddings/triplet.npy",
            "  ./songspace evaluate models/triplet demo-corpus --folds 5 --json triplet-eval.json",
            "  ./songspace evaluate reports/mini/embeddings/timbre-gauss-js.npy --metric gaussian_js --mutual-proximity",
            "  ./songspace evaluate musly-distances.txt ../shared/data/emotify-dev"})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "Embeddings .npy, a model folder, or a MIREX distance matrix.")
    Path source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DATA", description = "The collection (labels, artists; required with a model).")
    Path data;

    @Option(names = "--split", paramLabel = "DIR[:NAME]", description = "Holdout from split lists (default: the model's split, or a new one).")
    String split;

    @Option(names = "--k", defaultValue = "5", description = "Neighbours that vote (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--metric", defaultValue = "cosine",
            description = "cosine, euclidean, or gaussian_js (the timbre model's vectors that compare writes) "
                    + "(default: ${DEFAULT-VALUE}).")
    Knn.Metric metric;

    /** What neighbours are ranked by: --metric, or what SOURCE brings (a timbre model, a distance matrix). */
    private Distance distance;

    @Option(names = "--mutual-proximity",
            description = "Hubness reduction: rank neighbours by mutual proximity instead of raw distance; the "
                    + "hubness (skewness of k-occurrence) is printed with and without it.")
    boolean mutualProximity;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold folds; 0 skips (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for made splits and folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a layout of DATA: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    /** The loaded SOURCE: its vectors, what is known of its tracks, and the split a model brings. */
    private record Loaded(EmbeddingSet set, Map<String, String> labels, Map<String, String> artists, Split modelSplit) {
    }

    @Override
    public Integer call() throws Exception {
        distance = metric;
        Loaded loaded = load();
        Map<String, String> labels = loaded.labels();
        LabeledVectors vectors = LabeledVectors.of(loaded.set(), labels);
        if (vectors.size() < 2 || vectors.labelNames().size() < 2) {
            throw new DatasetException("evaluate needs labels (at least 2 labels among the tracks); " + source
                    + " has " + vectors.size() + " labelled tracks. Give DATA in a labelled layout (folders, GTZAN, "
                    + "or a CSV manifest with a label column)");
        }
        Split holdout = holdout(vectors, loaded);
        String name = loaded.set().modelId().isBlank() ? source.getFileName().toString() : loaded.set().modelId();
        EvaluationResult result = Evaluation.run(name, vectors, holdout, k, distance, mutualProximity, folds,
                loaded.artists(), seed);
        System.out.print(result.toTable());
        System.out.printf(java.util.Locale.ROOT, "hubness (skewness of %d-occurrence): %.2f raw, %.2f with mutual proximity%s%n",
                k, Hubness.kOccurrenceSkewness(vectors.vectors(), k, distance, false),
                Hubness.kOccurrenceSkewness(vectors.vectors(), k, distance, true),
                mutualProximity ? " (used above)" : " (not used above: --mutual-proximity)");
        if (json != null) {
            Json.write(json, result);
            System.out.println("results: " + json);
        }
        return 0;
    }

    /** SOURCE as vectors, by what it is: a model folder (DATA embedded), an .npy, or a distance matrix. */
    private Loaded load() throws Exception {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> artists = new HashMap<>();
        if (TrackEmbedder.isModel(source)) {
            return fromModel(labels, artists);
        }
        if (Files.isRegularFile(source) && source.toString().endsWith(".npy")) {
            EmbeddingSet set = EmbeddingSet.read(source);
            for (EmbeddingSet.Entry e : set.entries()) {
                if (e.label() != null && !e.label().isBlank()) {
                    labels.put(e.id(), e.label());
                }
                if (e.artist() != null && !e.artist().isBlank()) {
                    artists.put(e.id(), e.artist());
                }
            }
            if (data != null) {
                Dataset given = DatasetReader.read(data, layout);
                labels.putAll(given.labelsById());
                artists.putAll(given.artistsById());
            }
            return new Loaded(set, labels, artists, null);
        }
        if (Files.isRegularFile(source) && DistanceMatrix.looksLikeMirex(source)) {
            return new Loaded(fromMatrix(labels, artists), labels, artists, null);
        }
        throw new UserError(source + " is neither an embeddings .npy, a model folder (no model.json or "
                + TimbreModel.MANIFEST + ") nor a MIREX distance matrix");
    }

    /** DATA embedded by the model in SOURCE; a learned model's own split is the holdout. */
    private Loaded fromModel(Map<String, String> labels, Map<String, String> artists) throws Exception {
        if (data == null) {
            throw new UserError("evaluate MODEL needs DATA: the collection to embed and score");
        }
        EmbeddingSet set;
        try (TrackEmbedder model = TrackEmbedder.open(source)) {
            PreparedData prepared = PreparedData.prepare(data, layout, null, model.features(), quiet, true);
            labels.putAll(prepared.labels());
            artists.putAll(prepared.artists());
            set = model.embedTracks(prepared.store(), prepared.ids(), labels, artists, () -> { });
        }
        if (TimbreModel.isTimbreModel(source)) {
            // Gaussians are compared by their divergence, whatever --metric says.
            distance = Knn.Metric.GAUSSIAN_JS;
            return new Loaded(set, labels, artists, null);
        }
        if (TagModel.isTagModel(source)) {
            // Learned from DATA's own artist tags, its k-fold figure would see every fold's artists: compare fits one per fold.
            System.out.println("note: " + source + " is a tag model; if it learned from " + data + ", its figures here "
                    + "include the artists it learned from; `compare` fits one per fold for the unseen-artist figure");
            return new Loaded(set, labels, artists, null);
        }
        SavedModel.SplitRecord r = ModelFolder.read(source).split();
        return new Loaded(set, labels, artists,
                new Split("the model's split (" + r.method() + ")", r.train(), r.valid(), r.test()));
    }

    /** --split lists, else the model's split, else a new leak-free one (artist-grouped where artists are known). */
    private Split holdout(LabeledVectors vectors, Loaded loaded) throws java.io.IOException {
        Dataset asDataset = new Dataset(Path.of("."), Layout.MANIFEST, vectors.ids().stream()
                .map(id -> new Track(id, Path.of(id), loaded.labels().get(id), loaded.artists().get(id))).toList());
        if (split != null) {
            return SplitFiles.read(split, asDataset).split();
        }
        return loaded.modelSplit() != null ? loaded.modelSplit() : Splitter.leakFree(asDataset, 0, 0.25, seed);
    }

    /** The matrix's tracks that DATA holds, each as the one-float vector of its row, scored by the matrix. */
    private EmbeddingSet fromMatrix(Map<String, String> labels, Map<String, String> artists) throws java.io.IOException {
        if (data == null) {
            throw new UserError("evaluate DISTANCES needs DATA: the collection whose labels score the matrix " + source);
        }
        DistanceMatrix matrix = DistanceMatrix.readMirex(source);
        Dataset given = DatasetReader.read(data, layout);
        Map<Track, Integer> rows = matrix.rowsOf(given);
        if (rows.size() < 2) {
            throw new UserError(source + ": only " + rows.size() + " of its " + matrix.paths().size()
                    + " tracks are in " + data + " (matched by path, or by a file name unique on both sides)");
        }
        System.out.printf(java.util.Locale.ROOT, "%s (%s): %d of its %d tracks are in %s%n", source.getFileName(),
                matrix.system(), rows.size(), matrix.paths().size(), data);
        List<EmbeddingSet.Entry> entries = new java.util.ArrayList<>();
        float[][] rowVectors = new float[rows.size()][];
        int i = 0;
        for (Map.Entry<Track, Integer> e : rows.entrySet()) {
            Track t = e.getKey();
            entries.add(new EmbeddingSet.Entry(t.id(), t.path().toString(), t.label(), t.artist()));
            rowVectors[i++] = new float[] {e.getValue()};
        }
        labels.putAll(given.labelsById());
        artists.putAll(given.artistsById());
        distance = matrix.distance();
        return new EmbeddingSet(source.getFileName().toString(), entries, rowVectors);
    }
}
