package org.songspace.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr, so stdout stays clean for summaries and machine-readable output. On a terminal it is
 * a redrawn bar; when stderr goes to a file or pipe (a log, CI) a redrawn bar would write hundreds of
 * carriage-return frames, so there it is a plain line at every tenth of the work instead.
 */
final class Progress {
    private Progress() {
    }

    /** Counts steps of one task; close it when the task ends. Thread-safe. */
    interface Steps extends AutoCloseable {
        void step();

        /** A short note shown beside the count (e.g. the running loss); terminals only. */
        default void note(String message) {
        }

        @Override
        void close();
    }

    /** Progress of {@code total} steps, or nothing at all when {@code quiet}. */
    static Steps steps(String task, long total, boolean quiet) {
        if (quiet || total <= 0) {
            return new Silent();
        }
        return stderrIsTerminal() ? new Bar(task, total) : new Lines(task, total, System.err);
    }

    /** Linux tells where fd 2 points; elsewhere a console means a terminal. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    private static final class Silent implements Steps {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Bar implements Steps {
        private final ProgressBar bar;

        Bar(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed()
                    .build();
        }

        @Override
        public void step() {
            bar.step();
        }

        @Override
        public void note(String message) {
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** One line per tenth of the work, and one at the end: readable in a log. */
    static final class Lines implements Steps {
        private final String task;
        private final long total;
        private final PrintStream out;
        private final long startNanos = System.nanoTime();
        private long done;
        private int tenthsShown;
        private boolean closed;

        Lines(String task, long total, PrintStream out) {
            this.task = task;
            this.total = total;
            this.out = out;
        }

        @Override
        public synchronized void step() {
            done++;
            int tenths = (int) Math.min(10, done * 10 / total);
            if (tenths > tenthsShown && done < total) {
                tenthsShown = tenths;
                print();
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                print();
            }
        }

        private void print() {
            out.printf(Locale.ROOT, "%s: %d/%d (%d %%) %.1f s%n", task, done, total, done * 100 / total,
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
