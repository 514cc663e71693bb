package org.songspace.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Command-line tools some tests encode fixtures with; such tests skip with a message when one is missing. */
public final class Tools {
    private Tools() {
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
