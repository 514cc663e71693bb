package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
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
                + "ones disappear. The index keeps a copy of its model and refuses another one."},
        footer = {"", "Example:", "  ./songspace index models/triplet ~/Music --out music-index"})
final class IndexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder written by train.")
    Path model;

    @Parameters(index = "1", paramLabel = "LIBRARY", description = "A folder of audio (any layout), or a CSV manifest.")
    Path library;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "INDEX_DIR", description = "Index folder (created or updated).")
    Path out;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SavedModel saved = ModelFolder.read(model);
        PreparedData prepared = PreparedData.prepare(library, dataOptions.layout, dataOptions.features, saved.features(),
                dataOptions.quiet, true);
        List<LibraryIndexer.Source> sources = prepared.ids().stream()
                .map(id -> new LibraryIndexer.Source(id, prepared.labels().get(id), prepared.artists().get(id),
                        prepared.titles().get(id))).toList();
        LibraryIndexer.Result result;
        try (ProgressBar bar = dataOptions.quiet ? null : Progress.bar("embed", sources.size())) {
            result = LibraryIndexer.update(out, model, prepared.source().toAbsolutePath().normalize().toString(), sources,
                    prepared.store(), n -> {
                        if (bar != null) {
                            bar.step();
                        }
                    });
        }
        System.out.printf("index: %d tracks in %s (%d added, %d updated, %d removed, %d unchanged) with %s in %.1f s%n",
                result.total(), out, result.added(), result.updated(), result.removed(), result.unchanged(), saved.id(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
