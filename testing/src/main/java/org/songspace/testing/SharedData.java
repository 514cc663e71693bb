package org.songspace.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates ../shared (real music and librosa references); tests that need it skip with a message when absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("songspace.shared");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        // Walk up from the module folder: tests run in core/ or app/, the project root's sibling is shared/.
        Path dir = Paths.get("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        return null;
    }

    /** A file or folder under ../shared; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "../shared is absent: skipping a test that needs the shared data");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "../shared/" + relative + " is absent: skipping");
        return p;
    }

    /** Reads a little-endian float32 file. */
    public static float[] readF32(Path path) throws IOException {
        byte[] b = Files.readAllBytes(path);
        float[] out = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
