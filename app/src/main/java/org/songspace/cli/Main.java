package org.songspace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.songspace.io.UserError;
import org.songspace.model.ComputeDevice;
import org.songspace.model.EncoderType;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code songspace} command line. */
@Command(name = "songspace",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Learn a semantic map of music: librosa-identical features, embeddings, similar songs.",
        subcommands = {DemoCommand.class, DemoDataCommand.class, DatasetCommand.class, FeaturesCommand.class,
                TrainCommand.class, EmbedCommand.class, EvaluateCommand.class, CompareCommand.class, MapCommand.class, IndexCommand.class,
                SimilarCommand.class, MixCommand.class, ExportCommand.class, ServeCommand.class, SyncCommand.class, MpdCommand.class, BenchCommand.class,
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
        cli.registerConverter(EncoderType.class, text -> parsed(() -> EncoderType.parse(text)));
        cli.registerConverter(ComputeDevice.class, text -> parsed(() -> ComputeDevice.parse(text)));
        return cli;
    }

    /** A value parsed by the type's own parser, whose message names the accepted values. */
    private static <T> T parsed(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (UserError e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Frames of a bug's stack trace that are shown: enough to find it, short enough to read. */
    private static final int TRACE_FRAMES = 8;

    /**
     * Expected failures (a bad flag, file or folder: {@link UserError} and I/O errors) get one line naming
     * it; anything else is a bug and also gets a short stack trace to report.
     */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String command = "songspace " + cli.getCommandName();
        if (e instanceof UserError || e instanceof IOException) {
            err.println(command + ": error: " + describe(e));
        } else {
            err.println(command + ": unexpected error (a bug; please report it with these lines): " + e);
            StackTraceElement[] trace = e.getStackTrace();
            for (int i = 0; i < Math.min(TRACE_FRAMES, trace.length); i++) {
                err.println("    at " + trace[i]);
            }
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
        }
        err.flush();
        return FATAL;
    }

    /** A one-line message that always says something (some JDK exceptions carry none). */
    static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            return nsf.getFile() + ": no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException ade) {
            return ade.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException fae) {
            return fae.getFile() + ": already exists";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            // e.g. an EOFException from a truncated file: say what happened and, when known, why.
            Throwable cause = e.getCause();
            return e.getClass().getSimpleName() + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "");
        }
        return message;
    }
}
