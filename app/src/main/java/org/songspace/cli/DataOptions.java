package org.songspace.cli;

import java.nio.file.Path;
import org.songspace.audio.Excerpt;
import org.songspace.dataset.Layout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How commands that read a collection find its layout and feature cache, and whether they show progress. */
final class DataOptions {
    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a layout: ${COMPLETION-CANDIDATES} (default: detected).")
    Layout layout;

    @Option(names = "--features", paramLabel = "DIR", description = "Feature cache folder (default: under ~/.cache/songspace).")
    Path features;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Mixin
    ExcerptOptions excerptOptions = new ExcerptOptions();

    /** The excerpt asked for, or {@code defaultSeconds} of each track when none was. */
    Excerpt excerpt(double defaultSeconds) {
        return excerptOptions.excerpt(defaultSeconds);
    }
}
