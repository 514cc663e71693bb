package org.songspace.cli;

import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import org.songspace.features.FeatureJob;

/** A progress bar over the files a feature job computes (cached ones are not counted); close it after the run. */
final class FeatureProgress implements FeatureJob.Listener, AutoCloseable {
    private final boolean quiet;
    private ProgressBar bar;

    FeatureProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public synchronized void started(int total, int cached) {
        if (!quiet && total > cached) {
            bar = Progress.bar("features", total - cached);
        }
    }

    @Override
    public synchronized void finished(Path source, String error) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
