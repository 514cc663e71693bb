package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.DatasetCheck;
import org.songspace.dataset.DatasetReader;
import org.songspace.dataset.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show how a collection is read: layout, tracks per label, total duration, unreadable files.",
            "Layouts: gtzan (genres/<genre>/<genre>.000NN.au|wav), folders (<root>/<label>/...), manifest "
                + "(CSV path,label[,artist]; a folder with manifest.csv counts), unlabeled (any folder of audio)."},
        footer = {"", "Example:", "  ./songspace dataset info ../shared/data/gtzan-mini"})
final class DatasetInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "A folder, or a CSV manifest.")
    Path path;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a layout: ${COMPLETION-CANDIDATES} (default: detected).")
    Layout layout;

    @Option(names = "--quick", description = "Do not decode the files (no durations, no check of unreadable files).")
    boolean quick;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0", description = "Decoding threads; 0 = one per core.")
    int threads;

    @Override
    public Integer call() throws Exception {
        Dataset ds = DatasetReader.read(path, layout);
        System.out.printf(Locale.ROOT, "path:    %s%nlayout:  %s%s%ntracks:  %d%n", ds.root(), ds.layout().displayName(),
                layout == null ? " (detected)" : " (given)", ds.tracks().size());
        if (ds.isLabeled()) {
            Map<String, Integer> counts = ds.countsByLabel();
            System.out.printf(Locale.ROOT, "labels:  %d%n", counts.size());
            counts.forEach((label, n) -> System.out.printf(Locale.ROOT, "  %-24s %6d%n", label, n));
        } else {
            System.out.println("labels:  none (unlabeled library: evaluation that needs labels is not available)");
        }
        long artists = ds.tracks().stream().filter(t -> t.artist() != null).map(t -> t.artist()).distinct().count();
        System.out.println("artists: " + (artists == 0 ? "unknown (group-aware splits treat each track as its own group)"
                : artists + " (group-aware splits available)"));
        if (quick) {
            return 0;
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        DatasetCheck.Result check;
        try (Progress.Steps bar = Progress.steps("decoding", ds.tracks().size(), false)) {
            check = DatasetCheck.run(ds, workers, bar::step);
        }
        System.out.printf(Locale.ROOT, "duration: %.1f min in %d readable tracks (%.1f-%.1f s each)%n", check.totalSeconds() / 60,
                check.readable(), check.minSeconds(), check.maxSeconds());
        System.out.println("unreadable: " + check.problems().size());
        check.problems().forEach(p -> System.out.println("  " + p.track().path() + ": " + p.reason()));
        return check.problems().isEmpty() ? 0 : Main.SOME_FAILED;
    }
}
