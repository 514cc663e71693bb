package org.songspace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.songspace.io.UserError;

/** A password or key kept in a file of its own (so it stays out of the shell history and the process list). */
final class SecretFile {
    private SecretFile() {
    }

    /** The file's first line, stripped; a missing or empty file is a {@link UserError} naming {@code flag}. */
    static String read(Path file, String flag) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError(flag + " " + file + ": no such file");
        }
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            throw new UserError(flag + " " + file + " is empty");
        }
        return line;
    }
}
