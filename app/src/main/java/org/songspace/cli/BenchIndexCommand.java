package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.songspace.index.Exclusions;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.SimilarityIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build Lucene HNSW indexes of random vectors and report build time, query latency "
                + "(p50/p99 over --queries single-threaded queries, k=10) and recall@10 against exact search.",
            "--update N also times adding N tracks to each index the way `songspace index` does it (one writer, "
                + "new tracks placed on the existing map), without the embedding itself."},
        footer = {"", "Examples:", "  ./songspace bench index --sizes 10000,100000",
            "  ./songspace bench index --index music-index --candidates 50   # recall of a real index's search",
            "  ./songspace bench index --sizes 10000 --clusters 100 --update 10",
            "  ./songspace bench index --timbre --sizes 50000"})
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

    @Option(names = "--update", defaultValue = "0", paramLabel = "N",
            description = "Also time adding N new tracks to each index, 3 times (default: ${DEFAULT-VALUE}: skip).")
    int update;

    @Option(names = "--index", paramLabel = "INDEX_DIR",
            description = "Measure a real index instead: its own tracks as queries, its search against exact search.")
    Path index;

    @Option(names = "--candidates", defaultValue = "0", paramLabel = "N",
            description = "With --index of the timbre model: re-rank this many HNSW candidates by divergence (the search "
                    + "of libraries above 5000 tracks), whatever the index's size (default: 0, its normal search).")
    int candidates;

    @Option(names = "--timbre",
            description = "Index timbre-model Gaussians (synthetic MFCC frames, 100 timbre families) instead of vectors: "
                    + "the exact divergence search and the re-ranked HNSW search with --candidates (0: the index's own share).")
    boolean timbre;

    private float[][] centres;

    @Override
    public Integer call() throws Exception {
        if (update < 0) {
            throw new org.songspace.io.UserError("--update must be 0 or more, got " + update);
        }
        if (index != null) {
            return realIndex();
        }
        if (timbre) {
            for (int n : sizes) {
                TimbreIndexBench.run(n, Math.min(queries, 100), Math.min(recallQueries, 30), candidates);
            }
            return 0;
        }
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("songspace-bench-index");
            try {
                run(n, dir);
            } finally {
                org.songspace.io.AtomicFiles.deleteTree(dir);
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
        List<IndexedTrack> tracks = generated(n);
        long t0 = System.nanoTime();
        SimilarityIndex.update(dir, tracks, List.of());
        double build = (System.nanoTime() - t0) / 1e9;
        String kind = clusters == 0 ? "random " : clusters + "-cluster ";
        try (SimilarityIndex index = SimilarityIndex.open(dir)) {
            Timings q = queries(index, random);
            System.out.printf(Locale.ROOT, "%s%,d x %d: built in %.1f s; query p50 %.2f ms, p99 %.2f ms; recall@10 %.3f "
                    + "(%d queries); %d segments; peak RSS %s, max heap %d MB%n", kind, n, dim, build, q.p50, q.p99, q.recall,
                    recallQueries, index.segments(), peakRss(), Runtime.getRuntime().maxMemory() >> 20);
        }
        if (update > 0) {
            timeUpdates(dir, tracks, random, kind);
        }
    }

    /** The process's peak resident memory (Linux: VmHWM), or "n/a". */
    static String peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: nothing to say
        }
        return "n/a";
    }

    /** Recall@10 and latency of a real index's search (or re-ranked search) against exact, its tracks as queries. */
    private int realIndex() throws Exception {
        try (SimilarityIndex idx = SimilarityIndex.open(index)) {
            List<IndexedTrack> all = idx.all();
            java.util.Collections.shuffle(all = new java.util.ArrayList<>(all), new Random(7));
            List<IndexedTrack> queries = all.subList(0, Math.min(recallQueries, all.size()));
            double recall = 0;
            long nanos = 0;
            for (IndexedTrack q : queries) {
                Exclusions self = Exclusions.ids(java.util.Set.of(q.id()));
                java.util.Set<String> exact = new java.util.HashSet<>();
                idx.exact(q.vector(), 10, self).forEach(h -> exact.add(h.track().id()));
                long t0 = System.nanoTime();
                List<SimilarityIndex.Hit> found = candidates > 0 ? idx.rerankedSearch(q.vector(), 10, candidates, self)
                        : idx.search(q.vector(), 10, self);
                nanos += System.nanoTime() - t0;
                recall += found.stream().filter(h -> exact.contains(h.track().id())).count() / (double) Math.min(10, exact.size());
            }
            System.out.printf(Locale.ROOT, "%s: %,d tracks, %s%s: recall@10 %.3f against exact, %.2f ms a query (%d queries)%n",
                    index, idx.size(), candidates > 0 ? candidates + " candidates re-ranked" : idx.describeSearch(false),
                    idx.space().reranks() ? " (timbre Gaussians)" : "", recall / queries.size(), nanos / 1e6 / queries.size(),
                    queries.size());
        }
        return 0;
    }

    private record Timings(double p50, double p99, double recall) {
    }

    private Timings queries(SimilarityIndex index, Random random) throws java.io.IOException {
        for (int i = 0; i < 50; i++) {
            index.search(vector(random), 10, Exclusions.NONE);
        }
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            float[] v = vector(random);
            long s = System.nanoTime();
            index.search(v, 10, Exclusions.NONE);
            nanos[q] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        double recall = 0;
        for (int q = 0; q < recallQueries; q++) {
            float[] v = vector(random);
            Set<String> exact = new HashSet<>();
            index.exact(v, 10, Exclusions.NONE).forEach(h -> exact.add(h.track().id()));
            recall += index.search(v, 10, Exclusions.NONE).stream().filter(h -> exact.contains(h.track().id())).count() / 10.0;
        }
        return new Timings(nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, recall / recallQueries);
    }

    /** The map first (a full layout, as a first `songspace index` makes it), then 3 timed additions. */
    private void timeUpdates(Path dir, List<IndexedTrack> tracks, Random random, String kind) throws Exception {
        Map<String, float[]> vectors = new HashMap<>();
        List<IndexedTrack> sources = new ArrayList<>();
        for (IndexedTrack t : tracks) {
            vectors.put(t.id(), t.vector());
            sources.add(t.withVector(null));
        }
        LibraryIndexer.VectorSource lookup = t -> vectors.get(t.id());
        long t0 = System.nanoTime();
        LibraryIndexer.apply(dir, sources, lookup, true, new LibraryIndexer.Listener() { });
        System.out.printf(Locale.ROOT, "  first map of %,d tracks: %.1f s%n", sources.size(), (System.nanoTime() - t0) / 1e9);
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < update; i++) {
                IndexedTrack added = new IndexedTrack("new" + round + "-" + i, "", null, null, 30, 0, 0, null);
                vectors.put(added.id(), vector(random));
                sources.add(added);
            }
            long s = System.nanoTime();
            LibraryIndexer.Result r = LibraryIndexer.apply(dir, sources, lookup, false, new LibraryIndexer.Listener() { });
            System.out.printf(Locale.ROOT, "  %sadd %d tracks to %,d: %.3f s (%d added, %d unchanged, map %s)%n", kind,
                    update, r.total() - update, (System.nanoTime() - s) / 1e9, r.added(), r.unchanged(),
                    r.relaidOut() ? "laid out anew" : "new tracks placed");
        }
    }

    /**
     * The n tracks, each made from its own seed when it is read: a million vectors are never all in memory
     * at once, so the build's memory is the index's, not the benchmark's.
     */
    private List<IndexedTrack> generated(int n) {
        return new java.util.AbstractList<>() {
            @Override
            public IndexedTrack get(int i) {
                return new IndexedTrack("t" + i, "", null, null, 30, 0, 0, vector(new Random(n * 7_919L + i)));
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

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
