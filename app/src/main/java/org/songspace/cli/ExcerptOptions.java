package org.songspace.cli;

import org.songspace.audio.Excerpt;
import picocli.CommandLine.Option;

/** Which part of each track a command analyses: shared by every command that reads audio. */
final class ExcerptOptions {
    @Option(names = "--excerpt", paramLabel = "SECONDS",
            description = "Analyse SECONDS of each track, in --excerpt-windows windows spread over it (seeking in compressed "
                    + "files rather than decoding them whole); 0 = whole tracks (default: whole tracks; index and "
                    + "bench library: 30).")
    Double seconds;

    @Option(names = "--excerpt-windows", paramLabel = "N", defaultValue = "3",
            description = "Windows an excerpt is spread over (default: ${DEFAULT-VALUE}).")
    int windows;

    /** The excerpt asked for, or {@code defaultSeconds} of each track when none was. */
    Excerpt excerpt(double defaultSeconds) {
        return Excerpt.of(seconds == null ? defaultSeconds : seconds, windows);
    }
}
