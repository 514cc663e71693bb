package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** A quick demo run and an index of its corpus, for tests of the web map. */
public final class TestPipeline {
    private TestPipeline() {
    }

    /** Where things are. */
    public record Built(Path corpus, Path model, Path index) {
    }

    private static Built shared;

    /**
     * One indexed quick demo for every test class of this JVM that only reads it (building one costs
     * ~8 s); it lives in a temporary folder removed when the JVM exits. Tests must not change it.
     */
    public static synchronized Built shared() {
        if (shared == null) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("songspace-test-index");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                shared = indexedDemo(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void deleteTree(Path dir) {
        try {
            org.songspace.io.AtomicFiles.deleteTree(dir);
        } catch (java.io.IOException e) {
            // a temporary folder: the OS cleans it up eventually
        }
    }

    /** The shared demo corpus indexed with the timbre model (what index makes with no model) into {@code index}. */
    public static Path timbreIndex(Built built, Path index) {
        CliRun indexed = CliRun.of("index", built.corpus().toString(), "--out", index.toString(), "--model", "timbre",
                "--features", built.corpus().resolveSibling("features").toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        return index;
    }

    public static Built indexedDemo(Path tmp) {
        Path demo = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--quick", "--out", demo.toString(), "-q", "--models", "triplet");
        assertEquals(0, run.exitCode(), run.toString());
        Path index = tmp.resolve("index");
        CliRun indexed = CliRun.of("index", demo.resolve("models/triplet").toString(), demo.resolve("corpus").toString(),
                "--out", index.toString(), "--features", demo.resolve("features").toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        return new Built(demo.resolve("corpus"), demo.resolve("models/triplet"), index);
    }
}
