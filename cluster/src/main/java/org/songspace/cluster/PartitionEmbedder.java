package org.songspace.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.songspace.audio.Excerpt;
import org.songspace.audio.TrackTags;
import org.songspace.embed.TrackEmbedder;
import org.songspace.features.FeatureJob;
import org.songspace.features.StageClock;
import org.songspace.features.TrackAnalyser;

/**
 * What each Spark partition runs: for every input file, the same analysis as {@code songspace index}
 * ({@link TrackAnalyser}: decode the excerpt, log-mel, tags) and the model's embedding; a file that fails
 * becomes a row with its error instead of failing the job. The model folder arrives once per executor
 * through {@code SparkFiles} and is loaded once per task slot of the JVM (an embedder is not thread-safe),
 * each with one libtorch thread: an executor runs as many tasks at once as it has cores.
 */
final class PartitionEmbedder implements MapPartitionsFunction<LibraryListing.Input, Row> {
    private static final ConcurrentHashMap<String, BlockingQueue<TrackEmbedder>> MODELS = new ConcurrentHashMap<>();
    private static final int SLOTS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final String modelFolderName;
    private final String modelId;
    private final double excerptSeconds;
    private final int excerptWindows;
    private final boolean keepFeatures;

    PartitionEmbedder(String modelFolderName, String modelId, Excerpt excerpt, boolean keepFeatures) {
        this.modelFolderName = modelFolderName;
        this.modelId = modelId;
        this.excerptSeconds = excerpt.seconds();
        this.excerptWindows = excerpt.windows();
        this.keepFeatures = keepFeatures;
    }

    @Override
    public Iterator<Row> call(Iterator<LibraryListing.Input> inputs) throws Exception {
        TrackEmbedder embedder = borrow();
        try {
            TrackAnalyser analyser = new TrackAnalyser(embedder.features(), excerpt());
            List<Row> out = new ArrayList<>();
            while (inputs.hasNext()) {
                out.add(row(inputs.next(), analyser, embedder));
            }
            return out.iterator();
        } finally {
            if (!MODELS.get(modelId).offer(embedder)) {
                embedder.close();
            }
        }
    }

    private Excerpt excerpt() {
        return excerptSeconds <= 0 ? Excerpt.WHOLE : Excerpt.of(excerptSeconds, excerptWindows);
    }

    private Row row(LibraryListing.Input in, TrackAnalyser analyser, TrackEmbedder embedder) {
        try (LocalCopy file = LocalCopy.of(in.path())) {
            TrackAnalyser.Analysis a = analyser.analyse(file.path(), new StageClock());
            float[] v = embedder.embed(a.logMel());
            TrackTags t = a.tags() == null ? TrackTags.NONE : a.tags();
            return TrackRow.embedded(in, t, a.seconds(), modelId, v, a.logMel().nMels(), a.logMel().frames(),
                    keepFeatures ? a.logMel().values() : null);
        } catch (Exception | OutOfMemoryError e) {
            return TrackRow.failed(in, modelId, FeatureJob.describeFailure(e));
        }
    }

    /** This JVM's embedders of the model: one per task slot, made on first use. */
    private TrackEmbedder borrow() throws IOException, InterruptedException {
        BlockingQueue<TrackEmbedder> pool = MODELS.computeIfAbsent(modelId, k -> new ArrayBlockingQueue<>(SLOTS));
        TrackEmbedder e = pool.poll();
        if (e != null) {
            return e;
        }
        synchronized (PartitionEmbedder.class) {
            // libtorch gets the task's share of the executor's cores (spark.task.cpus, 1 by default): the
            // executor runs as many tasks at once as its cores allow, each with its own embedder.
            int taskCpus = org.apache.spark.SparkEnv.get() == null ? 1
                    : org.apache.spark.SparkEnv.get().conf().getInt("spark.task.cpus", 1);
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, taskCpus)));
            return TrackEmbedder.open(Path.of(SparkFiles.get(modelFolderName)));
        }
    }

    /** The file as a local path: itself, or for a Hadoop filesystem URI a temporary copy removed on close. */
    record LocalCopy(Path path, boolean temporary) implements AutoCloseable {
        static LocalCopy of(String path) throws IOException {
            Path local = LibraryListing.asLocal(path);
            if (local != null) {
                return new LocalCopy(local, false);
            }
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(path);
            String name = remote.getName();
            Path tmp = Files.createTempFile("songspace-", name.substring(Math.max(0, name.lastIndexOf('.'))));
            try (InputStream in = remote.getFileSystem(new org.apache.hadoop.conf.Configuration()).open(remote)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return new LocalCopy(tmp, true);
        }

        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }
}
