package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.audio.Excerpt;
import org.songspace.features.FeatureManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build or update the similarity index of a library: embeds every track with MODEL and stores "
                + "vectors + metadata in an embedded Lucene index (HNSW, cosine), plus a 2-D map of the library.",
            "Run it again after adding, changing or removing files: only new or changed files are embedded, removed "
                + "ones disappear, and new tracks are placed on the existing map beside their nearest neighbours "
                + "(--relayout lays the whole map out again). The index keeps a copy of its model and refuses another one."},
        footer = {"", "Example:", "  ./songspace index models/triplet ~/Music --out music-index"})
final class IndexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder written by train.")
    Path model;

    @Parameters(index = "1", paramLabel = "LIBRARY", description = "A folder of audio (any layout), or a CSV manifest.")
    Path library;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "INDEX_DIR", description = "Index folder (created or updated).")
    Path out;

    @Option(names = "--relayout", description = "Lay the whole map out again (UMAP) instead of placing new tracks on it.")
    boolean relayout;

    @Option(names = "--excerpt", paramLabel = "SECONDS", defaultValue = "30",
            description = "Analyse SECONDS of each track, in --excerpt-windows windows spread over it (seeking in "
                    + "compressed files rather than decoding them whole), so a long file costs what a short one does; "
                    + "0 = whole tracks (default: ${DEFAULT-VALUE}).")
    double excerptSeconds;

    @Option(names = "--excerpt-windows", paramLabel = "N", defaultValue = "3",
            description = "Windows an excerpt is spread over (default: ${DEFAULT-VALUE}).")
    int excerptWindows;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SavedModel saved = ModelFolder.read(model);
        PreparedData prepared = PreparedData.prepare(library, dataOptions.layout, dataOptions.features, saved.features(),
                dataOptions.quiet, true, Excerpt.of(excerptSeconds, excerptWindows));
        List<IndexedTrack> sources = prepared.ids().stream().map(id -> source(prepared, id)).toList();
        EmbedProgress progress = new EmbedProgress(dataOptions.quiet);
        LibraryIndexer.Result result;
        try (progress) {
            result = LibraryIndexer.update(out, model, prepared.source().toAbsolutePath().normalize().toString(), sources,
                    prepared.store(), relayout, progress);
        }
        System.out.printf(Locale.ROOT, "index: %d tracks in %s (%d added, %d updated, %d removed, %d unchanged; map %s) with %s in %.1f s%n",
                result.total(), out, result.added(), result.updated(), result.removed(), result.unchanged(),
                result.relaidOut() ? "laid out" : result.added() + result.updated() + result.removed() == 0 ? "unchanged"
                        : "new tracks placed on it", saved.id(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Progress over the tracks the update embeds (unchanged ones are not counted). */
    private static final class EmbedProgress implements LibraryIndexer.Listener, AutoCloseable {
        private final boolean quiet;
        private Progress.Steps steps;

        EmbedProgress(boolean quiet) {
            this.quiet = quiet;
        }

        @Override
        public void planned(int toEmbed) {
            steps = Progress.steps("embed", toEmbed, quiet);
        }

        @Override
        public void embedded(int done) {
            steps.step();
        }

        @Override
        public void close() {
            if (steps != null) {
                steps.close();
            }
        }
    }

    private static IndexedTrack source(PreparedData prepared, String id) {
        FeatureManifest.Track f = prepared.store().track(id).orElseThrow();
        String path = Path.of(f.source()).toAbsolutePath().normalize().toString();
        return new IndexedTrack(id, path, prepared.labels().get(id), prepared.artists().get(id),
                prepared.albums().get(id), prepared.titles().get(id), f.tags(), f.fileDurationSeconds(), f.sourceBytes(),
                f.sourceModified(), null);
    }
}
