package org.songspace.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.Excerpt;
import org.songspace.audio.WavWriter;
import org.songspace.embed.TrackEmbedder;
import org.songspace.features.FeatureConfig;
import org.songspace.features.StageClock;
import org.songspace.features.TrackAnalyser;
import org.songspace.model.EncoderType;
import org.songspace.model.ModelFolder;

/**
 * {@code cluster embed} on a real Spark in local[2], from plain java (the test JVM): every file becomes a
 * Parquet row embedded exactly as {@code songspace index} embeds it, a broken file an error row, and a
 * second run embeds only what changed.
 */
class ClusterEmbedTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path model;

    @BeforeAll
    static void start() throws Exception {
        model = tmp.resolve("model");
        ModelFolder.saveUntrained(model, EncoderType.TRIPLET, FeatureConfig.librosaDefaults(), 3);
        spark = SparkSession.builder().master("local[2]").appName("songspace-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    private static void tone(Path file, double hz, long seed) throws Exception {
        Random random = new Random(seed);
        float[] x = new float[22050 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 22050.0) + 0.02 * random.nextGaussian());
        }
        Files.createDirectories(file.getParent());
        WavWriter.write(file, x, 22050, 1);
    }

    @Test
    void aLibraryIsEmbeddedOnSparkLikeIndexDoesItAndOnlyChangesRunAgain() throws Exception {
        Path library = tmp.resolve("library");
        for (int i = 0; i < 6; i++) {
            tone(library.resolve("artist" + (i % 2)).resolve("song" + i + ".wav"), 220 * (i + 1), i);
        }
        Files.write(library.resolve("broken.mp3"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String out = tmp.resolve("out").toString();
        ClusterEmbedJob job = new ClusterEmbedJob(spark);

        ClusterEmbedJob.Result first = job.run(library.toString(), model, out, Excerpt.WHOLE, 3);
        assertEquals(7, first.listed());
        assertEquals(6, first.embedded());
        assertEquals(1, first.failed());
        List<Row> rows = spark.read().parquet(out + "/embeddings").orderBy("id").collectAsList();
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).isNullAt(rows.get(0).fieldIndex("logmel")), "no log-mel unless asked");
        List<Row> errors = spark.read().parquet(out + "/errors").collectAsList();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getString(errors.get(0).fieldIndex("path")).endsWith("broken.mp3"), errors.toString());
        assertTrue(!errors.get(0).getString(errors.get(0).fieldIndex("error")).isBlank());

        // The same code as songspace index: the Spark row's vector is what a local embedding gives.
        Row song0 = rows.get(0);
        assertEquals("artist0/song0", song0.getString(song0.fieldIndex("id")));
        List<Float> fromSpark = song0.getList(song0.fieldIndex("embedding"));
        try (TrackEmbedder embedder = TrackEmbedder.open(model)) {
            TrackAnalyser analyser = new TrackAnalyser(embedder.features(), Excerpt.WHOLE);
            float[] local = embedder.embed(analyser.analyse(library.resolve("artist0/song0.wav"), new StageClock()).logMel());
            float[] spark = new float[fromSpark.size()];
            for (int i = 0; i < spark.length; i++) {
                spark[i] = fromSpark.get(i);
            }
            assertArrayEquals(local, spark, 1e-5f);
            assertEquals(embedder.modelId(), song0.getString(song0.fieldIndex("model_id")));
        }

        ClusterEmbedJob.Result again = job.run(library.toString(), model, out, Excerpt.WHOLE, 3);
        assertEquals(6, again.unchanged(), "the embedded files are skipped");
        assertEquals(0, again.embedded());
        assertEquals(1, again.failed(), "the broken file is tried again and reported again");
        tone(library.resolve("artist1/new.wav"), 990, 9);
        ClusterEmbedJob.Result third = job.run(library.toString(), model, out, Excerpt.WHOLE, 0);
        assertEquals(1, third.embedded());
        assertEquals(7, spark.read().parquet(out + "/embeddings").count());
    }

    /** The job loads what it embeds into a real OpenSearch node, from the executors. */
    @Test
    void theJobWritesStraightIntoOpenSearch() throws Exception {
        Path library = tmp.resolve("os-library");
        for (int i = 0; i < 5; i++) {
            tone(library.resolve("song" + i + ".wav"), 300 + 150 * i, 20 + i);
        }
        try (org.songspace.testing.OpenSearchNode node = org.songspace.testing.OpenSearchNode.start()) {
            ClusterEmbedJob.Result r = new ClusterEmbedJob(spark).run(library.toString(), model, tmp.resolve("os-out").toString(),
                    Excerpt.WHOLE, 2, new ClusterEmbedJob.OpenSearchTarget(node.url(), "from-spark"), true);
            assertEquals(5, r.embedded());
            Row withFeatures = spark.read().parquet(tmp.resolve("os-out").resolve("embeddings").toString()).first();
            int nMels = withFeatures.getInt(withFeatures.fieldIndex("n_mels"));
            int frames = withFeatures.getInt(withFeatures.fieldIndex("frames"));
            assertEquals(128, nMels);
            assertEquals(nMels * frames, withFeatures.getList(withFeatures.fieldIndex("logmel")).size(), "--features keeps the log-mel");
            org.songspace.opensearch.OpenSearchIndex index = new org.songspace.opensearch.OpenSearchIndex(node.url(), "from-spark");
            assertEquals(5, index.count());
            var song0 = index.get("song0").orElseThrow();
            var hits = index.knn(song0.embedding(), 2, java.util.Set.of());
            assertEquals("song0", hits.get(0).document().id(), "a track is nearest to itself");
            try (TrackEmbedder embedder = TrackEmbedder.open(model)) {
                assertEquals(embedder.modelId(), index.modelId().orElseThrow());
            }
        }
    }
}
