package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.embed.TrackEmbedder;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LabelFreeModel;
import org.songspace.index.LibraryIndexer;
import org.songspace.io.AtomicFiles;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build or update the similarity index of a library: embeds every track with MODEL and stores "
                + "vectors + metadata in an embedded Lucene index (HNSW, cosine), plus a 2-D map of the library.",
            "Without a model (index LIBRARY --out DIR), a new index trains the self-supervised contrastive encoder "
                + "on the library itself (no labels needed; a few minutes per thousand tracks on 2 cores) and an "
                + "existing one keeps its own model.",
            "Run it again after adding, changing or removing files: only new or changed files are embedded, removed "
                + "ones disappear, and new tracks are placed on the existing map beside their nearest neighbours "
                + "(--relayout lays the whole map out again). The index keeps a copy of its model and refuses another one."},
        footer = {"", "Examples:", "  ./songspace index ~/Music --out music-index   # no labels, no model: learns one",
            "  ./songspace index models/triplet ~/Music --out music-index",
            "  ./songspace index models/triplet ~/Music --out music-index --excerpt 0   # whole tracks"})
final class IndexCommand implements Callable<Integer> {
    /** Libraries are analysed from 30 s of each track, in three windows (see docs/results.md for the measurement). */
    static final double DEFAULT_EXCERPT_SECONDS = 30;

    @Parameters(arity = "1..2", paramLabel = "[MODEL] LIBRARY", description = {"MODEL: a model folder written by train "
            + "(or --model; optional).", "LIBRARY: a folder of audio (any layout), or a CSV manifest."})
    List<Path> positional;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A model folder written by train, or "
            + "tags / timbre / contrastive to make that model from the library itself (default: the index's own model; "
            + "for a new index tags when 20 or more artists name two or more tracks each, else timbre; both take seconds. "
            + "contrastive trains the self-supervised encoder on the library for about four minutes on 2 cores).")
    String modelOption;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "INDEX_DIR", description = "Index folder (created or updated).")
    Path out;

    @Option(names = "--relayout", description = "Lay the whole map out again (UMAP) instead of placing new tracks on it.")
    boolean relayout;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Path library = positional.get(positional.size() - 1);
        if (positional.size() == 2 && modelOption != null) {
            throw new UserError("give the model once: as the first argument or as --model, not both");
        }
        Path model = positional.size() == 2 ? positional.get(0) : null;
        LabelFreeModel.Kind make = null;
        if (modelOption != null) {
            Path asFolder = Path.of(modelOption);
            make = TrackEmbedder.isModel(asFolder) ? null : LabelFreeModel.parse(modelOption);
            if (make == null && !TrackEmbedder.isModel(asFolder)) {
                throw new UserError("--model " + modelOption + ": not a model folder (no model.json or "
                        + org.songspace.embed.TimbreModel.MANIFEST + "), nor tags, timbre or contrastive");
            }
            model = make == null ? asFolder : null;
        }
        Path trained = null;
        Path existing = LabelFreeModel.existing(out);
        if (model == null && existing != null) {
            if (make != null && make != LabelFreeModel.kindOf(existing)) {
                throw new UserError(out + " was built with model " + TrackEmbedder.info(existing).id() + ", not a new "
                        + modelOption + " model; vectors of different models cannot be mixed: use another --out");
            }
            model = existing;
            System.out.println("index: updating with the index's own model");
        }
        PreparedData prepared;
        try {
            if (model == null) {
                prepared = prepare(library, FeatureConfig.librosaDefaults());
                Path parent = Files.createDirectories(out.toAbsolutePath().normalize().getParent());
                trained = Files.createTempDirectory(parent, ".songspace-model-");
                LabelFreeModel.build(prepared.library(), trained, make, System.out, dataOptions.quiet ? null : new TrainLog());
                model = trained;
            } else {
                prepared = prepare(library, TrackEmbedder.info(model).features());
                if (model.equals(existing)) {
                    suggestTags(prepared, existing);
                }
            }
            TrackEmbedder.Info saved = TrackEmbedder.info(model);
            LibraryIndexer.Result result = index(prepared, model, out, relayout, dataOptions.quiet);
            System.out.printf(Locale.ROOT, "index: %d tracks in %s (%d added, %d updated, %d removed, %d unchanged; map %s) with %s in %.1f s%n",
                    result.total(), out, result.added(), result.updated(), result.removed(), result.unchanged(),
                    result.relaidOut() ? "laid out" : result.added() + result.updated() + result.removed() == 0 ? "unchanged"
                            : "new tracks placed on it", saved.id(), (System.nanoTime() - start) / 1e9);
        } finally {
            if (trained != null) {
                // The index keeps its own copy of the model (OUT/model); the training folder is scratch.
                AtomicFiles.deleteTree(trained);
            }
        }
        return 0;
    }

    /** An index of the timbre model whose library has come to name enough artists is told what it misses. */
    private void suggestTags(PreparedData prepared, Path existing) {
        int artists = LabelFreeModel.taggedArtists(prepared.library());
        if (LabelFreeModel.kindOf(existing) == LabelFreeModel.Kind.TIMBRE && artists >= LabelFreeModel.MIN_ARTISTS) {
            System.out.printf(Locale.ROOT, "index: the library's tags now name %d artists with two or more tracks each: a new "
                    + "index made with --model tags (another --out) would learn from them (docs/results.md: 0.668 against the "
                    + "timbre model's 0.598 on unseen artists)%n", artists);
        }
    }

    private PreparedData prepare(Path library, FeatureConfig config) throws java.io.IOException {
        return PreparedData.prepare(library, dataOptions.layout, dataOptions.features, config, dataOptions.quiet, true,
                dataOptions.excerpt(DEFAULT_EXCERPT_SECONDS));
    }

    /** Embeds and stores the prepared tracks into {@code out} (the part of this command that benchmarks time too). */
    static LibraryIndexer.Result index(PreparedData prepared, Path model, Path out, boolean relayout, boolean quiet)
            throws java.io.IOException {
        return index(prepared, model, out, relayout, quiet, new LibraryIndexer.Listener() { });
    }

    /** The same, also telling {@code also} how the embedding goes. */
    static LibraryIndexer.Result index(PreparedData prepared, Path model, Path out, boolean relayout, boolean quiet,
                                       LibraryIndexer.Listener also) throws java.io.IOException {
        List<IndexedTrack> sources = prepared.ids().stream().map(id -> source(prepared, id)).toList();
        try (EmbedProgress progress = new EmbedProgress(quiet)) {
            LibraryIndexer.Listener both = new LibraryIndexer.Listener() {
                @Override
                public void planned(int toEmbed) {
                    progress.planned(toEmbed);
                    also.planned(toEmbed);
                }

                @Override
                public void embedded(int done) {
                    progress.embedded(done);
                    also.embedded(done);
                }
            };
            return LibraryIndexer.update(out, model, prepared.source().toAbsolutePath().normalize().toString(), sources,
                    prepared.store(), relayout, both);
        }
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
                f.sourceModified(), null, f.damage());
    }
}
