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
