package org.songspace.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small helpers the server and companion tests share. */
public final class TestSupport {
    private TestSupport() {
    }

    /** A file only its owner may read or write (users, API keys, passwords), as serve and sync require. */
    public static Path secret(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A loopback port free right now, for a server the test starts itself. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
