package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.Json;

/** `compare --split` reuses saved split lists, so two comparisons score the very same held-out tracks. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void aSavedSplitIsReusedAsTheHoldout() throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        Path features = dir.resolve("features");
        copyTree(built.corpus().getParent().resolve("features"), features);
        String[] common = {"--models", "triplet", "--epochs", "1", "--folds", "0", "--projection", "pca", "-q",
            "--features", features.toString()};
        CliRun first = CliRun.of(concat(new String[] {"compare", built.corpus().toString(), "--out",
            dir.resolve("first").toString()}, common));
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("timbre-gauss-js"), "the timbre model is compared: " + first.out());
        CliRun second = CliRun.of(concat(new String[] {"compare", built.corpus().toString(), "--out",
            dir.resolve("second").toString(), "--split", dir.resolve("first/split").toString(), "--seed", "7"}, common));
        assertEquals(0, second.exitCode(), second.toString());
        JsonNode config = Json.mapper().readTree(dir.resolve("second/metrics.json").toFile()).get("config");
        assertTrue(config.get("split").asText().startsWith("lists "), config.toString());
        assertEquals(Files.readAllLines(dir.resolve("first/split/test.txt")).stream().filter(l -> !l.startsWith("#")).toList(),
                Files.readAllLines(dir.resolve("second/split/test.txt")).stream().filter(l -> !l.startsWith("#")).toList(),
                "another seed, the same held-out tracks");
        CliRun bad = CliRun.of("compare", built.corpus().toString(), "--out", dir.resolve("bad").toString(),
                "--split", dir.resolve("nowhere").toString(), "-q", "--models", "triplet");
        assertTrue(bad.exitCode() != 0 && bad.err().contains("nowhere"), bad.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
