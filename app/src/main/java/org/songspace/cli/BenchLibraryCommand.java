package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.audio.Excerpt;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureJob;
import org.songspace.features.StageClock;
import org.songspace.index.LabelFreeModel;
import org.songspace.index.LibraryIndexer;
import org.songspace.io.UserError;
import org.songspace.model.EncoderType;
import org.songspace.model.ModelFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "library", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a tagged library of N full-length tracks (demo-corpus music looped to --minutes, "
                + "encoded with Debian's ffmpeg as MP3 CBR and VBR, AAC in .m4a, Opus and FLAC; not timed), then index "
                + "it end to end exactly as `songspace index` does (scan, decode, features, tags, embed, Lucene, map) "
                + "on all cores and print tracks/s and where each track's time went.",
            "Without --model it indexes exactly as `index LIBRARY` does with no model, choosing and training the "
                + "label-free default (timed: the wait before a new user's first mix); --model untrained uses an untrained "
                + "triplet encoder instead (analysis and embedding only: embedding costs the same whatever the weights). "
                + "With --library DIR the generated library is kept there and reused by the next run; features and "
                + "index always start cold."},
        footer = {"", "Examples:", "  ./songspace bench library --tracks 200 --formats mp3",
            "  ./songspace bench library --tracks 1000 --formats mp3 --model untrained",
            "  ./songspace bench library --tracks 1000 --formats mp3 --model contrastive",
            "  ./songspace bench library --tracks 100 --library /tmp/bench-lib --model songspace-demo/models/triplet"})
final class BenchLibraryCommand implements Callable<Integer> {
    @Option(names = "--tracks", paramLabel = "N", defaultValue = "100", description = "Tracks in the library (default: ${DEFAULT-VALUE}).")
    int tracks;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "4", description = "Length of each track (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--formats", paramLabel = "F", split = ",", defaultValue = "mp3,mp3_vbr,m4a,opus,flac",
            description = "Formats, round robin, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<LibraryGenerator.Format> formats;

    @Option(names = "--library", paramLabel = "DIR",
            description = "Keep the generated library under DIR (one subfolder per --tracks, --minutes and --formats), reused by the next run.")
    Path library;

    @Option(names = "--model", paramLabel = "DIR|untrained|tags|timbre|contrastive",
            description = "Model to index with: a model folder, `untrained` (an untrained triplet encoder), or "
                    + "`tags` / `timbre` / `contrastive` made from the library as `index LIBRARY --model` makes them (timed). "
                    + "Default: none, the label-free default chosen and made from the library as `index LIBRARY` does.")
    String model;

    @Mixin
    ExcerptOptions excerptOptions = new ExcerptOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (tracks <= 0 || minutes <= 0) {
            throw new UserError("--tracks and --minutes must be positive");
        }
        Path work = Files.createTempDirectory("songspace-bench-library");
        try {
            // One subfolder per spec, so a kept library is reused exactly and never indexed with extra tracks.
            String spec = String.format(Locale.ROOT, "%d-tracks-%s-min-%s", tracks, minutes,
                    String.join("-", formats.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
            Path lib = (library != null ? library : work).resolve(spec);
            int cores = Runtime.getRuntime().availableProcessors();
            long g0 = System.nanoTime();
            LibraryGenerator.generate(lib, tracks, minutes, formats, cores);
            System.out.printf(Locale.ROOT, "library: %d tracks of %.1f min (%s) in %s, made in %.1f s (not timed)%n", tracks,
                    minutes, formats.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList(), lib,
                    (System.nanoTime() - g0) / 1e9);
            boolean untrained = "untrained".equals(model);
            LabelFreeModel.Kind make = model == null || Files.isDirectory(Path.of(model)) ? null : LabelFreeModel.parse(model);
            Path modelDir = model == null || untrained || make != null ? null : Path.of(model);
            if (untrained) {
                modelDir = work.resolve("model");
                ModelFolder.saveUntrained(modelDir, EncoderType.TRIPLET, FeatureConfig.librosaDefaults(), 1);
            }
            FeatureConfig features = modelDir == null ? FeatureConfig.librosaDefaults() : ModelFolder.read(modelDir).features();
            Excerpt excerpt = excerptOptions.excerpt(IndexCommand.DEFAULT_EXCERPT_SECONDS);

            long t0 = System.nanoTime();
            PreparedData prepared = PreparedData.prepare(lib, null, work.resolve("features"), features, quiet, true,
                    excerpt);
            long t1 = System.nanoTime();
            if (modelDir == null) {
                // What a new user waits for: the default model chosen and made from the library, as index does.
                modelDir = work.resolve("model");
                LabelFreeModel.build(prepared.library(), modelDir, make, System.out, quiet ? null : new TrainLog());
            }
            long trained = System.nanoTime();
            long[] embeddedAt = {trained};
            LibraryIndexer.Result result = IndexCommand.index(prepared, modelDir, work.resolve("index"), false, quiet,
                    new LibraryIndexer.Listener() {
                        @Override
                        public void embedded(int done) {
                            embeddedAt[0] = System.nanoTime();
                        }
                    });
            long t2 = System.nanoTime();
            report(prepared.featureRun(), result, excerpt, (t1 - t0) / 1e9, new double[] {(trained - t1) / 1e9,
                (embeddedAt[0] - trained) / 1e9, (t2 - embeddedAt[0]) / 1e9}, cores);
            return 0;
        } finally {
            org.songspace.io.AtomicFiles.deleteTree(work);
        }
    }

    /** {@code indexWall}: seconds to choose and make the model, to load it and embed, then to commit Lucene and lay out the map. */
    private void report(FeatureJob.Result features, LibraryIndexer.Result result, Excerpt excerpt, double featureWall,
                        double[] indexWall, int cores) {
        int n = result.total();
        double wall = featureWall + indexWall[0] + indexWall[1] + indexWall[2];
        System.out.printf(Locale.ROOT, "bench library: %d tracks indexed (%s) in %.1f s on %d cores: %.1f tracks/s "
                + "(%s of each track)%n", n, features.summary(), wall, cores, n / wall, excerpt.describe());
        StringBuilder split = new StringBuilder("per track, ms of one core:");
        double total = 0;
        int computed = Math.max(1, features.computed());
        for (StageClock.Stage s : StageClock.Stage.values()) {
            double ms = features.stages().nanos(s) / 1e6 / computed;
            total += ms;
            split.append(String.format(Locale.ROOT, " %s %.1f", s.name().toLowerCase(Locale.ROOT), ms));
        }
        System.out.println(split.append(String.format(Locale.ROOT, " | features total %.1f", total)));
        System.out.printf(Locale.ROOT, "wall: features %.1f s (%.1f tracks/s), model %.1f s, embed %.1f s (%.1f ms per track), "
                + "Lucene commit + map layout %.1f s%n", featureWall, n / featureWall, indexWall[0], indexWall[1],
                indexWall[1] * 1000 / Math.max(1, n), indexWall[2]);
    }
}
