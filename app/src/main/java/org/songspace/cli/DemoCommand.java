package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.compare.Comparison;
import org.songspace.democorpus.DemoCorpus;
import org.songspace.features.FeatureConfig;
import org.songspace.model.EncoderType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole pipeline on a generated corpus, no download: compose and render the demo corpus "
                + "(if absent), compute features, train cae/triplet/crnn, evaluate them against the baselines, and "
                + "write OUT/report.html, OUT/metrics.json and OUT/maps/*.png."},
        footer = {"", "Example:", "  ./songspace demo                 # writes songspace-demo/report.html",
            "  ./songspace demo --quick --out /tmp/demo"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, defaultValue = "songspace-demo", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE} in the current folder).")
    Path out;

    @Option(names = "--per-style", defaultValue = "" + DemoCorpus.DEFAULT_PER_STYLE, description = "Clips per style (default: ${DEFAULT-VALUE}).")
    int perStyle;

    @Option(names = "--seconds", defaultValue = "" + DemoCorpus.DEFAULT_SECONDS, description = "Clip length (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--quick", description = "A tiny run for tests: 4 clips of 6 s per style, 2 epochs of 3 steps, PCA maps, 3 folds.")
    boolean quick;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (quick) {
            perStyle = 4;
            seconds = 6;
            comparison.training.epochs = 2;
            comparison.folds = 3;
            comparison.projection = org.songspace.map.Projection.Method.PCA;
        }
        Path corpus = out.resolve("corpus");
        DemoCorpus.Spec spec = DemoCorpus.Spec.of(perStyle, seconds, comparison.training.seed);
        int total = perStyle * DemoCorpus.styleNames().size();
        System.out.printf(Locale.ROOT, "demo: 1/3 demo corpus (%d clips of %.0f s) in %s%n", total, seconds, corpus);
        try (Progress.Steps bar = Progress.steps("demo-data", total, quiet)) {
            DemoCorpus.generate(corpus, spec, Runtime.getRuntime().availableProcessors(), p -> bar.step());
        }
        System.out.println("demo: 2/3 log-mel features in " + out.resolve("features"));
        PreparedData prepared = PreparedData.prepare(corpus, null, out.resolve("features"), FeatureConfig.librosaDefaults(), quiet, false);
        System.out.println("demo: 3/3 training and comparing " + comparison.models.stream().collect(java.util.stream.Collectors.joining(", ")) + " + baselines");
        Comparison.Options options = comparison.toOptions(quick ? 3 : 0);
        Path report = new Comparison(prepared.readable(), prepared.store(), options, System.out::println)
                .run(out, quiet ? new TrainLog() : new TrainProgress());
        System.out.printf(Locale.ROOT, "demo: done in %.1f min. Open the report: %s%n", (System.nanoTime() - start) / 6e10,
                report.toAbsolutePath());
        if (!Files.exists(report)) {
            throw new IllegalStateException("the report was not written: " + report);
        }
        return 0;
    }
}
