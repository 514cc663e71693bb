package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.DatasetReader;
import org.songspace.dataset.Fold;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Split;
import org.songspace.dataset.SplitFiles;
import org.songspace.dataset.Splitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a track-level split and write it as list files (train.txt, valid.txt, test.txt; one "
                + "relative audio path per line, the format of the published GTZAN splits).",
            "Methods: holdout (stratified by label), group (whole artists in one part), kfold / group-kfold "
                + "(writes fold-N/ folders)."},
        footer = {"", "Example:", "  ./songspace dataset split ../shared/data/gtzan-mini --method holdout --test 0.2 --out splits/mini"})
final class DatasetSplitCommand implements Callable<Integer> {
    enum Method { holdout, group, kfold, group_kfold }

    @Parameters(index = "0", paramLabel = "PATH", description = "A folder, or a CSV manifest.")
    Path path;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder for the list files.")
    Path out;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a layout: ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Option(names = "--method", defaultValue = "holdout", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--valid", defaultValue = "0.1", description = "Validation share (default: ${DEFAULT-VALUE}).")
    double valid;

    @Option(names = "--test", defaultValue = "0.2", description = "Test share (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(names = "--k", defaultValue = "5", description = "Folds for kfold methods (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Dataset ds = DatasetReader.read(path, layout);
        switch (method) {
            case holdout, group -> {
                Split split = method == Method.holdout ? Splitter.holdout(ds, valid, test, seed)
                        : Splitter.groupHoldout(ds, valid, test, seed);
                SplitFiles.write(split, ds, out);
                System.out.printf(Locale.ROOT, "split: %s -> train %d, valid %d, test %d tracks in %s%n", split.method(),
                        split.train().size(), split.valid().size(), split.test().size(), out);
            }
            case kfold, group_kfold -> {
                List<Fold> folds = method == Method.kfold ? Splitter.kFold(ds, k, seed) : Splitter.groupKFold(ds, k, seed);
                for (Fold f : folds) {
                    Split split = new Split(method + " k=" + k + " seed=" + seed + " fold " + f.index(), f.train(),
                            List.of(), f.test());
                    SplitFiles.write(split, ds, out.resolve("fold-" + f.index()));
                }
                System.out.printf(Locale.ROOT, "split: %s k=%d seed=%d -> %d folds of ~%d test tracks in %s%n", method, k, seed,
                        folds.size(), ds.tracks().size() / k, out);
            }
            default -> throw new IllegalStateException();
        }
        return 0;
    }
}
