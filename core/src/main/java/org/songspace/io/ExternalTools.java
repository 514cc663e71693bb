package org.songspace.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Command-line programs some jobs and tests rely on (Debian's ffmpeg to encode a benchmark library, MPD,
 * Supysonic, node): whether one is installed, so the job can say what to install and a test can skip.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Whether an executable of this name is on the PATH. */
    public static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }
}
