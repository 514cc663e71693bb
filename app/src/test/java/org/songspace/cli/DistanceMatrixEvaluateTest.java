package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.Npy;
import org.songspace.vectors.GaussianTimbre;

/**
 * Another tool's distances (a MIREX full distance matrix, as Musly writes) are scored by exactly the folds
 * and k-NN rule songspace's own models get: the timbre model's own divergences written as a matrix, rows
 * and columns shuffled, some paths relative, must give the timbre model's figures to the digit.
 */
class DistanceMatrixEvaluateTest {
    @TempDir
    static Path tmp;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void corpusAndTimbreModel() {
        corpus = tmp.resolve("corpus");
        CliRun made = CliRun.of("demo-data", "--out", corpus.toString(), "--per-style", "4", "--seconds", "4", "-q");
        assertEquals(0, made.exitCode(), made.toString());
        model = tmp.resolve("timbre");
        CliRun train = CliRun.of("train", "--model", "timbre", corpus.toString(), "--out", model.toString(), "-q");
        assertEquals(0, train.exitCode(), train.toString());
    }

    @Test
    void aDistanceMatrixIsScoredByTheSameFoldsAsTheModelItCameFrom() throws IOException {
        List<String> ids = Files.readAllLines(model.resolve("gaussian-ids.txt")).stream().filter(s -> !s.isBlank()).toList();
        Npy.FloatArray g = Npy.read(model.resolve("gaussians.npy"));
        int n = ids.size();
        int dim = g.shape()[1];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        StringBuilder m = new StringBuilder("songspace timbre, written as a matrix\n");
        for (int i = 0; i < n; i++) {
            // Numbered in shuffled order; half the paths relative to the collection.
            String id = ids.get(order.get(i));
            Path file = audioFile(id);
            m.append(i + 1).append('\t').append(i % 2 == 0 ? corpus.relativize(file) : file).append('\n');
        }
        m.append("Q/R");
        List<Integer> columns = new ArrayList<>(order);
        Collections.shuffle(columns, new Random(4));
        for (int c : columns) {
            m.append('\t').append(order.indexOf(c) + 1);
        }
        m.append('\n');
        for (int i = n - 1; i >= 0; i--) {
            int a = order.get(i);
            m.append(i + 1);
            for (int b : columns) {
                double d = GaussianTimbre.jensenShannon(row(g, a, dim), row(g, b, dim));
                m.append('\t').append(String.format(Locale.ROOT, "%.9g", d));
            }
            m.append('\n');
        }
        Path matrix = tmp.resolve("matrix.txt");
        Files.writeString(matrix, m);

        CliRun fromModel = CliRun.of("evaluate", model.toString(), corpus.toString(), "-q");
        CliRun fromMatrix = CliRun.of("evaluate", matrix.toString(), corpus.toString(), "-q");
        assertEquals(0, fromModel.exitCode(), fromModel.toString());
        assertEquals(0, fromMatrix.exitCode(), fromMatrix.toString());
        assertTrue(fromMatrix.out().contains(n + " of its " + n + " tracks"), fromMatrix.out());
        assertEquals(line(fromModel.out(), "5-fold k-NN accuracy"), line(fromMatrix.out(), "5-fold k-NN accuracy"));
        assertEquals(line(fromModel.out(), "holdout k-NN accuracy"), line(fromMatrix.out(), "holdout k-NN accuracy"));
        CliRun mpModel = CliRun.of("evaluate", model.toString(), corpus.toString(), "-q", "--mutual-proximity");
        CliRun mpMatrix = CliRun.of("evaluate", matrix.toString(), corpus.toString(), "-q", "--mutual-proximity");
        assertEquals(line(mpModel.out(), "5-fold k-NN accuracy"), line(mpMatrix.out(), "5-fold k-NN accuracy"));
    }

    @Test
    void aBrokenMatrixIsRefusedNamingItsLine() throws IOException {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "x\n1\ta.wav\n2\tb.wav\nQ/R\t1\t2\n1\t0\tNaN\n2\t1\t0\n");
        CliRun run = CliRun.of("evaluate", bad.toString(), corpus.toString(), "-q");
        assertEquals(Main.FATAL, run.exitCode(), run.toString());
        assertTrue(run.err().contains(bad + " line 5") && run.err().contains("not a finite distance"), run.err());
        Path strangers = tmp.resolve("strangers.txt");
        Files.writeString(strangers, "x\n1\tnowhere/a.wav\n2\tnowhere/b.wav\nQ/R\t1\t2\n1\t0\t1\n2\t1\t0\n");
        CliRun none = CliRun.of("evaluate", strangers.toString(), corpus.toString(), "-q");
        assertEquals(Main.FATAL, none.exitCode(), none.toString());
        assertTrue(none.err().contains("only 0 of its 2 tracks"), none.err());
        CliRun noData = CliRun.of("evaluate", strangers.toString());
        assertEquals(Main.FATAL, noData.exitCode(), noData.toString());
        assertTrue(noData.err().contains("needs DATA"), noData.err());
    }

    private static float[] row(Npy.FloatArray g, int i, int dim) {
        return java.util.Arrays.copyOfRange(g.data(), i * dim, (i + 1) * dim);
    }

    private static Path audioFile(String id) throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve(id).getParent())) {
            String name = corpus.resolve(id).getFileName().toString();
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".")).findFirst().orElseThrow();
        }
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.trim().startsWith(start)).findFirst().orElse("(no line " + start + ")")
                .replaceAll("\\(.*", "").trim();
    }
}
