package org.songspace.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.songspace.audio.Excerpt;
import org.songspace.embed.TrackEmbedder;
import org.songspace.opensearch.OpenSearchIndex;

/**
 * {@code cluster embed}: lists the library on the driver, leaves out files whose size, modification time
 * and model are already in the output, and has the partitions analyse and embed the rest
 * ({@link PartitionEmbedder}). Output, in OUT: {@code embeddings/} (Parquet, appended run after run: id,
 * path, size, modified, tags, duration, model_id, embedding, and with features the log-mel) and {@code errors/} (Parquet: this run's files
 * that failed, with why).
 */
final class ClusterEmbedJob {
    static final String EMBEDDINGS = "embeddings";
    static final String ERRORS = "errors";
    /** Tracks per partition: Spark schedules each task in 5-15 ms, so a partition should be hundreds of tracks. */
    static final int TRACKS_PER_PARTITION = 200;

    static final StructType SCHEMA = TrackRow.SCHEMA;

    /** What a run did. */
    record Result(int listed, int unchanged, long embedded, long failed) {
    }

    private final SparkSession spark;

    ClusterEmbedJob(SparkSession spark) {
        this.spark = spark;
    }

    /** Where the embedded rows also go: an OpenSearch k-NN index (null: Parquet only). */
    record OpenSearchTarget(String url, String index) implements java.io.Serializable {
    }

    Result run(String library, Path modelDir, String out, Excerpt excerpt, int partitions) throws IOException {
        return run(library, modelDir, out, excerpt, partitions, null, false);
    }

    /** {@code keepFeatures}: also store each track's log-mel (n_mels x frames, row-major) in its row. */
    Result run(String library, Path modelDir, String out, Excerpt excerpt, int partitions, OpenSearchTarget openSearch,
               boolean keepFeatures) throws IOException {
        TrackEmbedder.Info model = TrackEmbedder.info(modelDir);
        List<LibraryListing.Input> inputs = LibraryListing.list(library, spark.sparkContext().hadoopConfiguration());
        Set<String> done = alreadyEmbedded(out + "/" + EMBEDDINGS, model.id());
        List<LibraryListing.Input> todo = inputs.stream().filter(i -> !done.contains(stamp(i.path(), i.size(), i.modified(),
                model.id()))).toList();
        if (todo.isEmpty()) {
            return new Result(inputs.size(), inputs.size(), 0, 0);
        }
        // The model folder travels to every executor once.
        spark.sparkContext().addFile(modelDir.toAbsolutePath().normalize().toString(), true);
        int n = partitions > 0 ? partitions : Math.max(1, (todo.size() + TRACKS_PER_PARTITION - 1) / TRACKS_PER_PARTITION);
        Dataset<Row> rows = spark.createDataset(todo, Encoders.javaSerialization(LibraryListing.Input.class))
                .repartition(n)
                .mapPartitions(new PartitionEmbedder(modelDir.toAbsolutePath().normalize().getFileName().toString(), model.id(),
                        excerpt, keepFeatures), Encoders.row(SCHEMA))
                .cache();
        Dataset<Row> good = rows.filter(rows.col("error").isNull()).drop("error");
        Dataset<Row> bad = rows.filter(rows.col("error").isNotNull()).select("id", "path", "size", "modified", "model_id", "error");
        long embedded = good.count();
        long failed = bad.count();
        good.write().mode(SaveMode.Append).parquet(out + "/" + EMBEDDINGS);
        if (openSearch != null) {
            // Created once on the driver; every partition then bulk-loads its own rows.
            new OpenSearchIndex(openSearch.url(), openSearch.index()).create(model.dimension(), model.id());
            good.foreachPartition(new OpenSearchWriter(openSearch.url(), openSearch.index()));
        }
        bad.write().mode(SaveMode.Overwrite).parquet(out + "/" + ERRORS);
        rows.unpersist();
        return new Result(inputs.size(), inputs.size() - todo.size(), embedded, failed);
    }

    /** Stamps of the tracks the output already holds for this model. */
    private Set<String> alreadyEmbedded(String embeddings, String modelId) {
        Set<String> out = new HashSet<>();
        if (!exists(embeddings)) {
            return out;
        }
        for (Row r : spark.read().parquet(embeddings).select("path", "size", "modified", "model_id").collectAsList()) {
            out.add(stamp(r.getString(0), r.getLong(1), r.getLong(2), r.getString(3)));
        }
        return out;
    }

    private boolean exists(String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static String stamp(String path, long size, long modified, String modelId) {
        return String.format(Locale.ROOT, "%s\u0000%d\u0000%d\u0000%s", path, size, modified, modelId);
    }
}
