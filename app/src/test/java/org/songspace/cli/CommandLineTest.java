package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What every command shares: help, exit codes and how errors and progress are shown. */
class CommandLineTest {
    @TempDir
    Path tmp;

    /** Every leaf command, found by walking the command tree (a new command is covered without editing this). */
    private static List<List<String>> leafCommands() {
        List<List<String>> leaves = new ArrayList<>();
        walk(Main.newCommandLine(), new ArrayList<>(), leaves);
        return leaves;
    }

    private static void walk(CommandLine cli, List<String> path, List<List<String>> leaves) {
        var subs = cli.getSubcommands();
        if (subs.isEmpty()) {
            leaves.add(List.copyOf(path));
            return;
        }
        subs.forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, leaves);
            }
        });
    }

    @Test
    void everyLeafCommandHasHelpWithAnExample() {
        List<List<String>> leaves = leafCommands();
        assertTrue(leaves.size() >= 17, "found only " + leaves);
        for (List<String> leaf : leaves) {
            List<String> args = new ArrayList<>(leaf);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run);
            assertTrue(run.out().contains("Usage: songspace " + String.join(" ", leaf)), run.out());
            assertTrue(run.out().contains("./songspace " + String.join(" ", leaf)),
                    String.join(" ", leaf) + " --help shows no example:\n" + run.out());
        }
    }

    @Test
    void aFileThatIsNotAudioIsNamedInTheError() throws IOException {
        Path bad = tmp.resolve("bad.mp3");
        Files.writeString(bad, "this is no mp3");
        Path out = tmp.resolve("features");
        CliRun single = CliRun.of("features", bad.toString(), "--out", out.toString(), "-q");
        assertEquals(Main.SOME_FAILED, single.exitCode(), single.toString());
        assertTrue(single.err().contains("bad.mp3") && single.err().contains("not a recognised audio format"),
                single.err());
    }

    @Test
    void outputPathsThatCannotBeFilesAreNamed() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CliRun underFile = CliRun.of("demo-data", "--out", file.resolve("sub").toString(), "--per-style", "1",
                "--seconds", "3", "-q");
        assertEquals(Main.FATAL, underFile.exitCode(), underFile.toString());
        assertFalse(underFile.err().contains("null"), underFile.err());
        assertTrue(underFile.err().contains("a-file"), underFile.err());
    }

    @Test
    void userErrorsGetOneLineAndBugsAShortTrace() {
        CliRun user = CliRun.of("bench", "index", "--update", "-1");
        assertEquals(Main.FATAL, user.exitCode());
        assertEquals(1, user.err().strip().lines().count(), user.err());
        assertTrue(user.err().contains("--update must be 0 or more"), user.err());

        StringWriter captured = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setErr(new PrintWriter(captured));
        CommandLine bug = new CommandLine(new Bug());
        bug.setErr(new PrintWriter(captured));
        bug.setExecutionExceptionHandler(cli.getExecutionExceptionHandler());
        assertEquals(Main.FATAL, bug.execute());
        String err = captured.toString();
        assertTrue(err.contains("unexpected error") && err.contains("IllegalArgumentException: a bug"), err);
        assertTrue(err.contains("at org.songspace.cli.CommandLineTest$Bug.call"), "a bug shows where it happened:\n" + err);
    }

    @CommandLine.Command(name = "bug")
    static final class Bug implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalArgumentException("a bug");
        }
    }

    @Test
    void progressInALogIsAFewLinesNotCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress.Steps steps = new Progress.Lines("embed", 1000, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 1000; i++) {
                steps.step();
            }
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        List<String> lines = log.lines().toList();
        assertEquals(10, lines.size(), log);
        assertTrue(lines.get(0).startsWith("embed: 100/1000 (10 %)"), lines.get(0));
        assertTrue(lines.get(9).startsWith("embed: 1000/1000 (100 %)"), lines.get(9));
        // Under Maven, stderr is a pipe: the CLI chooses lines there, as it does in `songspace demo > log 2>&1`.
        assertFalse(Progress.stderrIsTerminal());
    }
}
