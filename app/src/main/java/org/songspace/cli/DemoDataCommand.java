package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.democorpus.DemoCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compose and render the demo corpus: labelled music in ten styles (rock, metal, disco, "
                + "jazz, reggae, classical, hiphop, country, blues, ambient), 22050 Hz mono WAV, no download.",
            "Writes OUT/<style>/<style>.NNNNN.wav, OUT/manifest.csv (path,label,artist,title) and OUT/corpus.json. "
                + "The same seed gives byte-identical files; files already present are kept."},
        footer = {"", "Example:", "  ./songspace demo-data --out demo-corpus --per-style 16 --seconds 20"})
final class DemoDataCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--per-style", paramLabel = "N", defaultValue = "" + DemoCorpus.DEFAULT_PER_STYLE,
            description = "Clips per style (default: ${DEFAULT-VALUE}).")
    int perStyle;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "" + DemoCorpus.DEFAULT_SECONDS,
            description = "Clip length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "" + DemoCorpus.DEFAULT_SEED,
            description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "Clips rendered in parallel; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        DemoCorpus.Spec spec = DemoCorpus.Spec.of(perStyle, seconds, seed);
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        long start = System.nanoTime();
        int total = perStyle * DemoCorpus.styleNames().size();
        Path manifest;
        try (Progress.Steps bar = Progress.steps("demo-data", total, quiet)) {
            manifest = DemoCorpus.generate(out, spec, workers, p -> bar.step());
        }
        System.out.printf(Locale.ROOT, "demo-data: %d clips (%d styles x %d, %.0f s each, seed %d) in %s, manifest %s, %.1f s%n",
                total, DemoCorpus.styleNames().size(), perStyle, seconds, seed, out, manifest.getFileName(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
