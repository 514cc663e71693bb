package org.songspace.cli;

import java.nio.file.Path;
import org.songspace.features.FeatureJob;

/** Progress over the files a feature job computes (cached ones are not counted); close it after the run. */
final class FeatureProgress implements FeatureJob.Listener, AutoCloseable {
    private final boolean quiet;
    private Progress.Steps steps;

    FeatureProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public synchronized void started(int total, int cached) {
        steps = Progress.steps("features", total - cached, quiet);
    }

    @Override
    public synchronized void finished(Path source, String error) {
        if (steps != null) {
            steps.step();
        }
    }

    @Override
    public synchronized void close() {
        if (steps != null) {
            steps.close();
            steps = null;
        }
    }
}
