package org.songspace.cli;

import java.nio.file.Path;
import org.songspace.audio.Excerpt;
import org.songspace.dataset.Layout;
import picocli.CommandLine.Option;

/** How commands that read a collection find its layout and feature cache, and whether they show progress. */
final class DataOptions {
    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a layout: ${COMPLETION-CANDIDATES} (default: detected).")
    Layout layout;

    @Option(names = "--features", paramLabel = "DIR", description = "Feature cache folder (default: under ~/.cache/songspace).")
    Path features;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Option(names = "--excerpt", paramLabel = "SECONDS",
            description = "Analyse SECONDS of each track, in --excerpt-windows windows spread over it (seeking in compressed "
                    + "files rather than decoding them whole); 0 = whole tracks (default: whole tracks; index: 30).")
    Double excerptSeconds;

    @Option(names = "--excerpt-windows", paramLabel = "N", defaultValue = "3",
            description = "Windows an excerpt is spread over (default: ${DEFAULT-VALUE}).")
    int excerptWindows;

    /** The excerpt asked for, or {@code defaultSeconds} of each track when none was. */
    Excerpt excerpt(double defaultSeconds) {
        return Excerpt.of(excerptSeconds == null ? defaultSeconds : excerptSeconds, excerptWindows);
    }
}
