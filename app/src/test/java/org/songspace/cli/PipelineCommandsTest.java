package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.Npy;
import org.songspace.vectors.EmbeddingSet;

/**
 * The pipeline through the CLI on one quick demo run (shared by the tests below): demo, then train, embed
 * and evaluate on its corpus, and the bad inputs around them.
 */
class PipelineCommandsTest {
    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void quickDemo() {
        demo = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--quick", "--out", demo.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Open the report"), run.out());
    }

    @Test
    void demoWritesAReportWithEveryModelAndRealMaps() throws IOException {
        String html = Files.readString(demo.resolve("report.html"));
        String metrics = Files.readString(demo.resolve("metrics.json"));
        for (String name : List.of("cae", "triplet", "crnn", "baseline-mean-logmel", "baseline-mfcc-meanstd")) {
            assertTrue(html.contains(name), "report lacks " + name);
            assertTrue(metrics.contains("\"name\" : \"" + name + "\""), "metrics lack " + name);
            BufferedImage png = ImageIO.read(demo.resolve("maps/" + name + ".png").toFile());
            assertEquals(900, png.getWidth());
            assertEquals(640, png.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < png.getHeight(); y += 3) {
                for (int x = 0; x < png.getWidth(); x += 3) {
                    colours.add(png.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 10, name + " map looks blank: " + colours.size() + " colours");
        }
        assertTrue(!html.contains("http://") && !html.contains("https://"), "the report must open without a network");
    }

    @Test
    void trainEmbedAndEvaluateFromTheCommandLine() throws IOException {
        Path model = tmp.resolve("model");
        CliRun train = CliRun.of("train", "--model", "triplet", demo.resolve("corpus").toString(), "--out", model.toString(),
                "--features", demo.resolve("features").toString(), "--epochs", "1", "--steps-per-epoch", "2", "-q");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(Files.exists(model.resolve("split/test.txt")));

        Path npy = tmp.resolve("emb/triplet.npy");
        CliRun embed = CliRun.of("embed", model.toString(), demo.resolve("corpus").toString(), "--out", npy.toString(),
                "--features", demo.resolve("features").toString(), "-q");
        assertEquals(0, embed.exitCode(), embed.toString());
        Npy.FloatArray array = Npy.read(npy);
        assertEquals(40, array.rows());
        int axes = org.songspace.embed.DescriptorAxes.read(model).orElseThrow().dimension();
        assertTrue(axes >= 1, "the triplet model has descriptor axes by default");
        assertEquals(128 + axes, array.cols(), "the encoder's 128 and the descriptor axes beside them");
        EmbeddingSet set = EmbeddingSet.read(npy);
        assertTrue(set.modelId().startsWith("triplet-"), set.modelId());
        assertTrue(set.entries().get(0).label() != null && !set.entries().get(0).label().isBlank());

        CliRun map = CliRun.of("map", npy.toString(), "--out", tmp.resolve("maps/triplet3d").toString(), "--components", "3");
        assertEquals(0, map.exitCode(), map.toString());
        List<String> coords = Files.readAllLines(tmp.resolve("maps/triplet3d.csv"));
        assertEquals("id,label,x,y,z", coords.get(0));
        assertEquals(41, coords.size());
        assertEquals(5, coords.get(1).split(",").length);
        assertTrue(ImageIO.read(tmp.resolve("maps/triplet3d.png").toFile()).getWidth() == 900);

        CliRun evaluate = CliRun.of("evaluate", npy.toString(), "--folds", "2", "--json", tmp.resolve("eval.json").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        assertTrue(evaluate.out().contains("holdout k-NN accuracy"), evaluate.out());
        assertTrue(Files.readString(tmp.resolve("eval.json")).contains("\"confusion\""));

        CliRun byModel = CliRun.of("evaluate", model.toString(), demo.resolve("corpus").toString(), "--folds", "0", "-q");
        assertEquals(0, byModel.exitCode(), byModel.toString());
        assertTrue(byModel.out().contains("the model's split"), byModel.out());
    }

    @Test
    void badInputIsNamed() throws IOException {
        // Evaluation without labels says which command needs them.
        Path npy = tmp.resolve("nolabels.npy");
        new EmbeddingSet("m", List.of(new EmbeddingSet.Entry("a", "", "", ""), new EmbeddingSet.Entry("b", "", "", "")),
                new float[][] {{1, 0}, {0, 1}}).write(npy);
        CliRun noLabels = CliRun.of("evaluate", npy.toString());
        assertEquals(Main.FATAL, noLabels.exitCode());
        assertTrue(noLabels.err().contains("evaluate needs labels"), noLabels.err());

        // A model folder that is not one.
        CliRun notModel = CliRun.of("embed", tmp.toString(), demo.resolve("corpus").toString(), "--out", tmp.resolve("x.npy").toString());
        assertEquals(Main.FATAL, notModel.exitCode());
        assertTrue(notModel.err().contains("no model.json"), notModel.err());

        // Features made with another config than the model's.
        Path model = demo.resolve("models/triplet");
        Path otherFeatures = tmp.resolve("features64");
        assertEquals(0, CliRun.of("features", demo.resolve("corpus").toString(), "--out", otherFeatures.toString(),
                "--n-mels", "64", "-q").exitCode());
        CliRun mismatch = CliRun.of("embed", model.toString(), otherFeatures.toString(), "--out", tmp.resolve("y.npy").toString(), "-q");
        assertEquals(Main.FATAL, mismatch.exitCode());
        assertTrue(mismatch.err().contains("but the model was trained on"), mismatch.err());

        // Labels are required to train a triplet model.
        Path unlabeled = tmp.resolve("unlabeled");
        Files.createDirectories(unlabeled);
        Files.copy(demo.resolve("corpus/rock/rock.00000.wav"), unlabeled.resolve("a.wav"));
        Files.copy(demo.resolve("corpus/jazz/jazz.00000.wav"), unlabeled.resolve("b.wav"));
        CliRun noLabelTrain = CliRun.of("train", "--model", "triplet", unlabeled.toString(), "--out", tmp.resolve("m2").toString(), "-q");
        assertEquals(Main.FATAL, noLabelTrain.exitCode());
        assertTrue(noLabelTrain.err().contains("train --model triplet needs labels"), noLabelTrain.err());

        CliRun badModel = CliRun.of("train", "--model", "transformer", demo.resolve("corpus").toString(), "--out", tmp.resolve("m3").toString());
        assertEquals(Main.FATAL, badModel.exitCode());
        assertTrue(badModel.err().contains("unknown model 'transformer'"), badModel.err());
    }

    @Test
    void indexUpdatesIncrementallyAnswersSimilarAndRefusesAnotherModel() throws IOException {
        Path library = tmp.resolve("library");
        for (String style : List.of("rock", "jazz", "metal")) {
            Files.createDirectories(library.resolve(style));
            for (int i = 0; i < 4; i++) {
                String name = String.format(Locale.ROOT, "%s.%05d.wav", style, i);
                Files.copy(demo.resolve("corpus").resolve(style).resolve(name), library.resolve(style).resolve(name));
            }
        }
        Path index = tmp.resolve("index");
        Path model = demo.resolve("models/triplet");
        CliRun first = CliRun.of("index", model.toString(), library.toString(), "--out", index.toString(), "-q");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("12 tracks") && first.out().contains("12 added"), first.out());

        CliRun similar = CliRun.of("similar", index.toString(), "rock/rock.00000", "-k", "5", "--json");
        assertEquals(0, similar.exitCode(), similar.toString());
        assertTrue(!similar.out().contains("\"id\" : \"rock/rock.00000\""), "the query is not its own neighbour");
        assertEquals(5, similar.out().split("\"similarity\"").length - 1, similar.out());
        CliRun exact = CliRun.of("similar", index.toString(), "rock/rock.00000", "-k", "5", "--exact");
        assertEquals(0, exact.exitCode(), exact.toString());
        CliRun byFile = CliRun.of("similar", index.toString(), demo.resolve("corpus/disco/disco.00001.wav").toString(), "-k", "3");
        assertEquals(0, byFile.exitCode(), byFile.toString());
        assertTrue(byFile.out().contains("embedded with triplet-"), byFile.out());
        CliRun indexedFile = CliRun.of("similar", index.toString(), library.resolve("rock/rock.00000.wav").toString(),
                "-k", "11", "--json");
        assertEquals(0, indexedFile.exitCode(), indexedFile.toString());
        assertTrue(indexedFile.out().contains("\"seed\" : \"rock/rock.00000\""), indexedFile.out());
        assertTrue(!indexedFile.out().contains("\"id\" : \"rock/rock.00000\""), "an indexed file is not its own neighbour");
        assertEquals(11, indexedFile.out().split("\"similarity\"").length - 1, indexedFile.out());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun busy = CliRun.of("serve", index.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(Main.FATAL, busy.exitCode(), busy.toString());
            assertTrue(busy.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), busy.err());
        }

        Files.copy(demo.resolve("corpus/disco/disco.00000.wav"), library.resolve("rock/new-song.wav"));
        Files.delete(library.resolve("jazz/jazz.00003.wav"));
        CliRun second = CliRun.of("index", model.toString(), library.toString(), "--out", index.toString(), "-q");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("1 added, 0 updated, 1 removed, 11 unchanged"), second.out());

        CliRun other = CliRun.of("index", demo.resolve("models/crnn").toString(), library.toString(), "--out", index.toString(), "-q");
        assertEquals(Main.FATAL, other.exitCode());
        assertTrue(other.err().contains("was built with model triplet-"), other.err());

        CliRun mix = CliRun.of("mix", index.toString(), "rock/rock.00000", "jazz/jazz.00001", "--count", "4", "--json");
        assertEquals(0, mix.exitCode(), mix.toString());
        assertEquals(4, mix.out().split("\"similarity\"").length - 1, mix.out());
        CliRun path = CliRun.of("mix", index.toString(), "rock/rock.00000", "--to", "metal/metal.00001", "--count", "5");
        assertEquals(0, path.exitCode(), path.toString());
        assertTrue(path.out().contains("path of") && path.out().lines().skip(1).findFirst().orElse("").contains("rock/rock.00000"),
                path.out());
        CliRun twoSeedsPath = CliRun.of("mix", index.toString(), "rock/rock.00000", "jazz/jazz.00001", "--to", "metal/metal.00001");
        assertEquals(Main.FATAL, twoSeedsPath.exitCode());
        assertTrue(twoSeedsPath.err().contains("--to makes a path from one seed"), twoSeedsPath.err());

        CliRun unknown = CliRun.of("similar", index.toString(), "no/such-track");
        assertEquals(Main.FATAL, unknown.exitCode());
        assertTrue(unknown.err().contains("neither a track id"), unknown.err());

        Path bulk = tmp.resolve("export/songs.ndjson");
        assertEquals(0, CliRun.of("export", index.toString(), "--format", "opensearch-bulk", "--out", bulk.toString()).exitCode());
        List<String> lines = Files.readAllLines(bulk);
        assertEquals(24, lines.size());
        assertTrue(lines.get(0).startsWith("{\"index\":{"), lines.get(0));
        assertTrue(lines.get(1).contains("\"embedding\":["), lines.get(1));
        for (String badOut : List.of("", tmp.toString(), bulk.resolve("under-a-file.ndjson").toString())) {
            CliRun bad = CliRun.of("export", index.toString(), "--format", "csv", "--out", badOut);
            assertEquals(Main.FATAL, bad.exitCode(), bad.toString());
            assertTrue(bad.err().lines().count() == 1 && !bad.err().contains("null"), bad.err());
        }
        Path npy = tmp.resolve("export/songs.npy");
        assertEquals(0, CliRun.of("export", index.toString(), "--format", "npy", "--out", npy.toString()).exitCode());
        assertEquals(12, Npy.read(npy).rows());
    }

    /**
     * A library with no labels and no model: index picks the timbre model (or trains the
     * contrastive encoder when asked), keeps its model on updates, and refuses to mix models.
     */
    @Test
    void indexWithoutAModelMakesOneFromTheLibrary() throws IOException {
        String corpus = demo.resolve("corpus").toString();
        String features = tmp.resolve("label-free/features").toString();
        Path timbre = tmp.resolve("label-free/timbre-index");
        CliRun first = CliRun.of("index", corpus, "--out", timbre.toString(), "--layout", "unlabeled", "--features", features, "-q");
        assertEquals(0, first.exitCode(), first.toString());
        // Its 40 clips name 40 bands once each: too few tagged artists for the tag model.
        assertTrue(first.out().contains("no --model given and 0 artists name two or more tracks each, under the 20")
                && first.out().contains("using the classic timbre model"),
                first.out());
        assertTrue(Files.isRegularFile(timbre.resolve("model/timbre-model.json")));
        CliRun similar = CliRun.of("similar", timbre.toString(), "rock/rock.00000", "-k", "3");
        assertEquals(0, similar.exitCode(), similar.toString());
        // The timbre model ranks by mutual proximity by default, and its nearest neighbours score above 0 on the
        // library's own scale (at the old fixed scale they could all sit below 0).
        assertTrue(similar.out().contains("exact divergence + mutual proximity, 3 of 40 tracks"), similar.out());
        String firstMatch = similar.out().lines().filter(l -> l.startsWith("  1 ")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(firstMatch.trim().split("\\s+")[1]) > 0, firstMatch);
        CliRun plain = CliRun.of("similar", timbre.toString(), "rock/rock.00000", "-k", "3", "--no-mutual-proximity");
        assertTrue(plain.out().contains("(exact divergence, 3 of 40 tracks"), plain.out());
        CliRun again = CliRun.of("index", corpus, "--out", timbre.toString(), "--layout", "unlabeled", "--features", features, "-q");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("the index's own model") && again.out().contains("40 unchanged"), again.out());
        CliRun otherKind = CliRun.of("index", corpus, "--out", timbre.toString(), "--model", "contrastive", "-q");
        assertEquals(Main.FATAL, otherKind.exitCode());
        assertTrue(otherKind.err().contains("was built with model timbre-"), otherKind.err());

        Path learned = tmp.resolve("label-free/contrastive-index");
        CliRun trained = CliRun.of("index", corpus, "--out", learned.toString(), "--model", "contrastive", "--layout", "unlabeled",
                "--features", features, "-q");
        assertEquals(0, trained.exitCode(), trained.toString());
        assertTrue(trained.out().contains("--model contrastive: training the self-supervised contrastive encoder on the "
                + "library (no labels; 40 tracks"), trained.out());
        assertTrue(trained.out().contains("index: training budget: "), trained.out());
        assertTrue(Files.readString(learned.resolve("model/model.json")).contains("\"id\" : \"contrastive-"));
        try (var left = Files.list(learned.getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".songspace-model-")), "no scratch left");
        }
        CliRun near = CliRun.of("similar", learned.toString(), "rock/rock.00000", "-k", "3", "--json");
        assertEquals(0, near.exitCode(), near.toString());
        assertEquals(3, near.out().split("\"similarity\"").length - 1, near.out());

        Path small = tmp.resolve("label-free/small");
        Files.createDirectories(small);
        for (int i = 0; i < 3; i++) {
            String name = String.format(Locale.ROOT, "rock.%05d.wav", i);
            Files.copy(demo.resolve("corpus/rock").resolve(name), small.resolve(name));
        }
        CliRun tooSmall = CliRun.of("index", small.toString(), "--out", tmp.resolve("label-free/small-index").toString(),
                "--model", "contrastive", "-q");
        assertEquals(Main.FATAL, tooSmall.exitCode(), tooSmall.toString());
        assertTrue(tooSmall.err().contains("at least 32") && tooSmall.err().contains("--model timbre"), tooSmall.err());
        assertTrue(Files.notExists(tmp.resolve("label-free/small-index")), "no half-written index");
        CliRun bad = CliRun.of("index", small.toString(), "--out", tmp.resolve("label-free/bad").toString(), "--model", "musly");
        assertEquals(Main.FATAL, bad.exitCode());
        assertTrue(bad.err().contains("--model musly: not a model folder"), bad.err());
    }

    /** The timbre model is a model like the others: train saves it in seconds, evaluate and index take it. */
    @Test
    void theTimbreModelTrainsInSecondsAndEvaluatesAndIndexes() throws IOException {
        Path model = tmp.resolve("timbre-model");
        CliRun train = CliRun.of("train", "--model", "timbre", demo.resolve("corpus").toString(), "--out", model.toString(), "-q");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("Gaussians of 25 MFCCs for 40 tracks"), train.out());
        assertTrue(Files.isRegularFile(model.resolve("gaussians.npy")) && Files.isRegularFile(model.resolve("gaussian-ids.txt")));
        CliRun evaluate = CliRun.of("evaluate", model.toString(), demo.resolve("corpus").toString(), "-q", "--folds", "0");
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        assertTrue(evaluate.out().contains("gaussian_js"), evaluate.out());
        Path index = tmp.resolve("timbre-model-index");
        CliRun indexed = CliRun.of("index", model.toString(), demo.resolve("corpus").toString(), "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        CliRun mix = CliRun.of("mix", index.toString(), "rock/rock.00000", "--to", "jazz/jazz.00002", "--count", "5", "--json");
        assertEquals(0, mix.exitCode(), mix.toString());
        assertTrue(mix.out().contains("\"kind\" : \"path\""), mix.out());
        CliRun again = CliRun.of("train", "--model", "timbre", demo.resolve("corpus").toString(), "--out", model.toString(), "-q");
        assertEquals(Main.FATAL, again.exitCode());
        assertTrue(again.err().contains("already holds a model"), again.err());
    }
}
