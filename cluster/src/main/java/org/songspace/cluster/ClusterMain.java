package org.songspace.cluster;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.songspace.audio.Excerpt;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code songspace cluster}: the parts of songspace that run on Apache Spark. The same jar is what
 * {@code spark-submit --class org.songspace.cluster.ClusterMain} takes on a cluster.
 */
@Command(name = "songspace cluster", mixinStandardHelpOptions = true, subcommands = ClusterMain.Embed.class,
        description = "Run songspace on Apache Spark (local[N] here, or any cluster through spark-submit).")
public final class ClusterMain implements Callable<Integer> {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ClusterMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("songspace cluster: error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Analyse and embed a library on Spark with the same code as songspace index: every file "
                    + "decoded (its excerpt), featurised, tagged and embedded with MODEL on the executors.",
                "Writes OUT/embeddings/ (Parquet: id, path, size, modified, tags, duration, model_id, embedding), "
                    + "appending on each run and skipping files whose size, modification time and model are already "
                    + "there, and OUT/errors/ (Parquet: the files of this run that failed, and why; never a failed job)."},
            footer = {"", "Examples:", "  ./songspace cluster embed ~/Music --model models/triplet --out /data/emb --master local[2]",
                "  ./songspace cluster embed ~/Music --model models/triplet --out emb --opensearch http://localhost:9200",
                "  spark-submit --class org.songspace.cluster.ClusterMain songspace-cluster.jar embed hdfs:///music "
                    + "--model models/triplet --out hdfs:///emb"})
    static final class Embed implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LIBRARY",
                description = "A folder, a .txt list of paths (one a line), or a glob/URI Hadoop can read (hdfs://, s3a://).")
        String library;

        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model folder written by train.")
        Path model;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder (local or Hadoop URI).")
        String out;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: what spark-submit set, else local[*]).")
        String master;

        @Option(names = "--partitions", defaultValue = "0",
                description = "Partitions; 0 = one per " + ClusterEmbedJob.TRACKS_PER_PARTITION + " tracks (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--excerpt", defaultValue = "30", paramLabel = "SECONDS",
                description = "Seconds analysed per track, as songspace index; 0 = whole tracks (default: ${DEFAULT-VALUE}).")
        double excerpt;

        @Option(names = "--excerpt-windows", defaultValue = "3", paramLabel = "N",
                description = "Windows the excerpt is spread over (default: ${DEFAULT-VALUE}).")
        int windows;

        @Option(names = "--features", description = "Also store each track's log-mel in its row (n_mels, frames, logmel).")
        boolean features;

        @Option(names = "--opensearch", paramLabel = "URL",
                description = "Also load the embedded tracks into this OpenSearch's k-NN index, from the executors.")
        String openSearch;

        @Option(names = "--index-name", defaultValue = "songs", description = "The OpenSearch index (default: ${DEFAULT-VALUE}).")
        String indexName;

        @Override
        public Integer call() throws Exception {
            if (!org.songspace.embed.TrackEmbedder.isModel(model)) {
                throw new UserError("--model " + model + ": not a model folder (no model.json)");
            }
            SparkSession.Builder builder = SparkSession.builder().appName("songspace cluster embed");
            if (master != null) {
                builder.master(master);
            } else if (System.getProperty("spark.master") == null) {
                builder.master("local[*]");
            }
            long start = System.nanoTime();
            try (SparkSession spark = builder.getOrCreate()) {
                spark.sparkContext().setLogLevel("WARN");
                ClusterEmbedJob.Result r = new ClusterEmbedJob(spark).run(library, model, out,
                        excerpt <= 0 ? Excerpt.WHOLE : Excerpt.of(excerpt, windows), partitions,
                        openSearch == null ? null : new ClusterEmbedJob.OpenSearchTarget(openSearch, indexName), features);
                System.out.printf(Locale.ROOT, "cluster embed: %d files listed, %d unchanged, %d embedded, %d failed "
                                + "(%s/errors) -> %s/embeddings in %.1f s%n", r.listed(), r.unchanged(), r.embedded(), r.failed(),
                        out, out, (System.nanoTime() - start) / 1e9);
            }
            return 0;
        }
    }
}
