package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.compare.Comparison;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Track;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train cae, triplet and crnn on one split, add the mean log-mel and MFCC baselines, evaluate "
                + "them all alike and write OUT/report.html (opens from disk), OUT/metrics.json, OUT/maps/*.png, "
                + "the models, the embeddings and the split."},
        footer = {"", "Example:", "  ./songspace compare demo-corpus --out reports/demo --epochs 20"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "A labelled collection (folder, GTZAN, CSV manifest).")
    Path data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--split-by", defaultValue = "artist",
            description = "artist: whole artists on one side of every split when artists are known (the honest default); "
                    + "label: stratified by label only, for sets where a label is one artist (gtzan-mini).")
    String splitBy;

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
        Path report = new Comparison(dataset, prepared.store(), comparison.toOptions(0), System.out::println)
                .run(out, dataOptions.quiet ? new TrainLog() : new TrainProgress());
        System.out.printf(Locale.ROOT, "compare: report %s (%.1f min)%n", report, (System.nanoTime() - start) / 6e10);
        return 0;
    }
}
