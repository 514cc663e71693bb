package org.songspace.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the audio files a user points at: one file, or a folder searched recursively. */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** A found file and its path relative to the scanned root (just its name for a single file). */
    public record Found(Path path, Path relative) {
    }

    /**
     * Lists supported audio under {@code input} in a stable (sorted) order. A single file is returned as
     * is whatever its extension, so that its decoder can say what is wrong with it.
     *
     * @throws NoSuchFileException when input does not exist
     * @throws IOException         when a folder holds no supported audio
     */
    public static List<Found> scan(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(input)) {
            return List.of(new Found(input, input.getFileName()));
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            walk.filter(Files::isRegularFile)
                    .filter(AudioLoader::hasAudioExtension)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(p -> found.add(new Found(p, input.relativize(p))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (found.isEmpty()) {
            throw new IOException(input + ": no audio files found (looked for " + String.join(", ",
                    AudioLoader.EXTENSIONS.stream().sorted().toList()) + ")");
        }
        return found;
    }
}
