package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.songspace.features.FeatureConfig;
import org.songspace.index.Exclusions;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.SimilarityIndex;
import org.songspace.io.Json;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.TimbreFilter;

/**
 * {@code bench index --timbre}: an index of timbre-model Gaussians (25 MFCCs: 651 floats a track) made from
 * synthetic MFCC frames in 100 timbre families, each track with its own centre and spread. Reports the exact
 * divergence search (what libraries up to 50,000 tracks get) and the re-ranked HNSW search above that,
 * with its recall@10 against exact.
 */
final class TimbreIndexBench {
    private static final int FAMILIES = 100;
    private static final int FRAMES = 120;

    private TimbreIndexBench() {
    }

    static void run(int n, int queries, int recallQueries, int candidates) throws Exception {
        Path dir = Files.createTempDirectory("songspace-bench-timbre");
        try {
            long t0 = System.nanoTime();
            List<float[]> sample = new ArrayList<>();
            for (int i = 0; i < Math.min(n, 2000); i++) {
                sample.add(gaussian(n, i));
            }
            Json.write(dir.resolve(IndexManifest.FILE_NAME), new IndexManifest(IndexManifest.FORMAT, "timbre-bench",
                    GaussianTimbre.packedLength(GaussianTimbre.COEFFICIENTS), FeatureConfig.librosaDefaults(), null, "/bench",
                    n, "now", TimbreFilter.fit(sample)));
            SimilarityIndex.update(dir, tracks(n), List.of());
            double build = (System.nanoTime() - t0) / 1e9;
            try (SimilarityIndex index = SimilarityIndex.open(dir)) {
                Random random = new Random(17);
                index.search(gaussian(n, n + 1), 10, Exclusions.NONE);   // reads the Gaussians once
                long[] nanos = new long[queries];
                for (int q = 0; q < queries; q++) {
                    float[] v = gaussian(n, n + 2 + random.nextInt(1_000_000));
                    long s = System.nanoTime();
                    index.exact(v, 10, Exclusions.NONE);
                    nanos[q] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                int wanted = candidates > 0 ? candidates : Math.max(2000, n / 5);
                double recall = 0;
                long rerankNanos = 0;
                for (int q = 0; q < recallQueries; q++) {
                    float[] v = gaussian(n, n + 2 + random.nextInt(1_000_000));
                    Set<String> exact = new HashSet<>();
                    index.exact(v, 10, Exclusions.NONE).forEach(h -> exact.add(h.track().id()));
                    long s = System.nanoTime();
                    List<SimilarityIndex.Hit> found = index.rerankedSearch(v, 10, wanted, Exclusions.NONE);
                    rerankNanos += System.nanoTime() - s;
                    recall += found.stream().filter(h -> exact.contains(h.track().id())).count() / 10.0;
                }
                System.out.printf(Locale.ROOT, "timbre %,d Gaussians: built in %.1f s; exact divergence search p50 %.1f ms, "
                                + "p99 %.1f ms (%d queries); %d HNSW candidates re-ranked: recall@10 %.3f, %.1f ms a query; "
                                + "peak RSS %s, max heap %d MB%n", n, build, nanos[queries / 2] / 1e6,
                        nanos[(int) (queries * 0.99)] / 1e6, queries, wanted, recall / recallQueries,
                        rerankNanos / 1e6 / recallQueries, BenchIndexCommand.peakRss(), Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            org.songspace.io.AtomicFiles.deleteTree(dir);
        }
    }

    /** The n tracks, each Gaussian fitted from its own seed when Lucene reads it. */
    private static List<IndexedTrack> tracks(int n) {
        return new AbstractList<>() {
            @Override
            public IndexedTrack get(int i) {
                return new IndexedTrack("g" + i, "", null, null, 30, 0, 0, gaussian(n, i));
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** Track i's Gaussian: MFCC frames around its family's timbre, with its own centre and spread. */
    static float[] gaussian(int n, int i) {
        int d = GaussianTimbre.COEFFICIENTS;
        Random family = new Random(1_000L + i % FAMILIES);
        Random own = new Random(n * 31L + i);
        double[] centre = new double[d];
        double[] spread = new double[d];
        for (int j = 0; j < d; j++) {
            centre[j] = family.nextGaussian() * (j == 0 ? 30 : 6) + own.nextGaussian() * 2;
            spread[j] = Math.exp(0.3 * family.nextGaussian() + 0.2 * own.nextGaussian());
        }
        double[][] frames = new double[FRAMES][d];
        for (double[] f : frames) {
            double shared = own.nextGaussian();
            for (int j = 0; j < d; j++) {
                f[j] = centre[j] + spread[j] * (own.nextGaussian() + (j < 4 ? shared : 0));
            }
        }
        return GaussianTimbre.fit(frames);
    }
}
