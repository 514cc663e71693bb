package org.songspace.cli;

import picocli.CommandLine.Command;

/** Inspect datasets and make reproducible track-level splits. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Inspect a collection and make track-level splits.",
        subcommands = {DatasetInfoCommand.class, DatasetSplitCommand.class})
final class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
