package org.songspace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code songspace} command line. */
@Command(name = "songspace",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Learn a semantic map of music: librosa-identical features, embeddings, similar songs.",
        subcommands = {DemoCommand.class, DemoDataCommand.class, DatasetCommand.class, FeaturesCommand.class,
                TrainCommand.class, EmbedCommand.class, EvaluateCommand.class, CompareCommand.class, MapCommand.class, IndexCommand.class,
                SimilarCommand.class, ExportCommand.class, ServeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 some input files failed (they are listed), 2 bad usage or a fatal error."})
public final class Main implements Runnable {
    /** Exit code when some inputs were reported and skipped but the run finished. */
    public static final int SOME_FAILED = 1;
    /** Exit code for bad usage and fatal errors. */
    public static final int FATAL = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handleFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Expected failures (bad files, unwritable folders, bad values) get one line, not a stack trace. */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            String message = e instanceof java.nio.file.NoSuchFileException nsf
                    ? nsf.getFile() + ": no such file or folder"
                    : e.getMessage();
            err.println("songspace " + cli.getCommandName() + ": error: " + message);
        } else {
            err.println("songspace " + cli.getCommandName() + ": unexpected error:");
            e.printStackTrace(err);
        }
        err.flush();
        return FATAL;
    }
}
