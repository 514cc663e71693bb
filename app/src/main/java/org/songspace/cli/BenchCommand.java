package org.songspace.cli;

import picocli.CommandLine.Command;

/** Benchmarks whose figures the README quotes; each prints a throughput line and where the time goes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Rerunnable benchmarks.",
        subcommands = {BenchFeaturesCommand.class, BenchTrainCommand.class, BenchIndexCommand.class, BenchLibraryCommand.class,
            BenchServeCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
