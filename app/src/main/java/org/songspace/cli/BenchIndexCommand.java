package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.songspace.index.IndexedTrack;
import org.songspace.index.SimilarityIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build Lucene HNSW indexes of random unit vectors and report build time, query latency "
                + "(p50/p99 over --queries single-threaded queries, k=10) and recall@10 against exact search."},
        footer = {"", "Example:", "  ./songspace bench index --sizes 10000,100000"})
final class BenchIndexCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "10000,100000", split = ",", description = "Index sizes (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--dim", defaultValue = "128", description = "Vector size (default: ${DEFAULT-VALUE}, the encoders' embedding size).")
    int dim;

    @Option(names = "--clusters", defaultValue = "0",
            description = "0: independent random vectors (the hardest case); N: a mixture of N Gaussian clusters, closer to real embeddings.")
    int clusters;

    @Option(names = "--queries", defaultValue = "500", description = "Timed queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--recall-queries", defaultValue = "100", description = "Queries checked against exact search (default: ${DEFAULT-VALUE}).")
    int recallQueries;

    @Override
    public Integer call() throws Exception {
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("songspace-bench-index");
            try {
                run(n, dir);
            } finally {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return 0;
    }

    private void run(int n, Path dir) throws Exception {
        Random random = new Random(n);
        centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussian(random, 1.0);
        }
        List<IndexedTrack> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tracks.add(new IndexedTrack("t" + i, "", null, null, 30, 0, 0, vector(random)));
        }
        long t0 = System.nanoTime();
        SimilarityIndex.update(dir, tracks, List.of());
        double build = (System.nanoTime() - t0) / 1e9;
        tracks.clear();
        try (SimilarityIndex index = SimilarityIndex.open(dir)) {
            for (int i = 0; i < 50; i++) {
                index.search(vector(random), 10, Set.of(), null);
            }
            long[] nanos = new long[queries];
            for (int q = 0; q < queries; q++) {
                float[] v = vector(random);
                long s = System.nanoTime();
                index.search(v, 10, Set.of(), null);
                nanos[q] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            double recall = 0;
            for (int q = 0; q < recallQueries; q++) {
                float[] v = vector(random);
                Set<String> exact = new HashSet<>();
                index.exact(v, 10, Set.of(), null).forEach(h -> exact.add(h.track().id()));
                recall += index.search(v, 10, Set.of(), null).stream().filter(h -> exact.contains(h.track().id())).count() / 10.0;
            }
            System.out.printf("%s%,d x %d: built in %.1f s; query p50 %.2f ms, p99 %.2f ms; recall@10 %.3f (%d queries)%n",
                    clusters == 0 ? "random " : clusters + "-cluster ", n, dim, build, nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, recall / recallQueries,
                    recallQueries);
        }
    }

    private float[][] centres;

    private float[] vector(Random random) {
        if (clusters == 0) {
            return gaussian(random, 1.0);
        }
        float[] centre = centres[random.nextInt(clusters)];
        float[] v = gaussian(random, 0.35);
        for (int j = 0; j < dim; j++) {
            v[j] += centre[j];
        }
        return v;
    }

    private float[] gaussian(Random random, double sd) {
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) {
            v[j] = (float) (sd * random.nextGaussian());
        }
        return v;
    }
}
