package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.compare.Comparison;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Split;
import org.songspace.dataset.SplitFiles;
import org.songspace.dataset.Track;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the encoders (--models: cae, triplet, crnn, contrastive) on one split, add the mean log-mel and MFCC baselines, evaluate "
                + "them all alike and write OUT/report.html (opens from disk), OUT/metrics.json, OUT/maps/*.png, "
                + "the models, the embeddings and the split."},
        footer = {"", "Examples:", "  ./songspace compare demo-corpus --out reports/demo --epochs 20",
            "  ./songspace compare ../shared/data/gtzan-mini --split reports/demo-mini/split --out reports/again"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "A labelled collection (folder, GTZAN, CSV manifest).")
    Path data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--split-by", defaultValue = "artist",
            description = "artist: whole artists on one side of every split when artists are known (the honest default); "
                    + "label: stratified by label only, for sets where a label is one artist (gtzan-mini).")
    String splitBy;

    @Option(names = "--split", paramLabel = "DIR[:NAME]",
            description = "Use split lists DIR/{train,valid,test}[_NAME].txt as the holdout split (published lists such "
                    + "as ../shared/data/gtzan-splits:filtered, or OUT/split of an earlier run), like train and evaluate; "
                    + "the k-fold columns still use folds made over every track.")
    String split;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PreparedData prepared = PreparedData.prepare(data, dataOptions.layout, dataOptions.features, new FeatureOptions().defaults(), dataOptions.quiet, false,
                dataOptions.excerpt(0));
        Dataset dataset = prepared.readable();
        if (splitBy.equals("label")) {
            dataset = new Dataset(dataset.root(), dataset.layout(), dataset.tracks().stream()
                    .map(t -> new Track(t.id(), t.path(), t.label(), null, t.title(), t.album())).toList());
        } else if (!splitBy.equals("artist")) {
            throw new UserError("--split-by must be artist or label, got " + splitBy);
        }
        Split given = null;
        if (split != null) {
            SplitFiles.Loaded loaded = SplitFiles.read(split, dataset);
            if (loaded.missing() > 0) {
                System.err.println("split: " + loaded.missing() + " listed tracks are not in " + dataset.root() + " (skipped)");
            }
            given = loaded.split();
        }
        Path report = new Comparison(dataset, prepared.store(), comparison.toOptions(0), System.out::println)
                .run(out, dataOptions.quiet ? new TrainLog() : new TrainProgress(), given);
        System.out.printf(Locale.ROOT, "compare: report %s (%.1f min)%n", report, (System.nanoTime() - start) / 6e10);
        return 0;
    }
}
