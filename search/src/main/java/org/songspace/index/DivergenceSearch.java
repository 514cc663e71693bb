package org.songspace.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * Timbre Gaussians, compared by their divergence: HNSW holds only {@link org.songspace.vectors.TimbreFilter}
 * keys, so a library of up to {@value #EXACT_LIMIT} tracks is searched exactly and a larger one re-ranks
 * the HNSW candidates by the divergence.
 */
final class DivergenceSearch implements SearchStrategy {
    /**
     * Candidates re-ranked by the divergence above {@value #EXACT_LIMIT} tracks: at least this many, and at
     * least {@value #RERANK_SHARE_PERCENT} % of the library. The keys are a rough guide (recall@10 against
     * exact with 20 % of a real library re-ranked: 0.8; with 5 %: 0.4; docs/results.md), hence the exact
     * search up to {@value #EXACT_LIMIT} tracks.
     */
    static final int RERANK_CANDIDATES = 2000;
    static final int RERANK_SHARE_PERCENT = 20;
    /**
     * Up to this many tracks, searched exactly: every divergence, from Gaussians read once and kept in
     * memory (5.1 KB a track, 255 MB at the limit; ~2.5k multiply-adds per divergence).
     */
    static final int EXACT_LIMIT = 50_000;

    private final LuceneTracks tracks;
    /** Every track with its Gaussian, read (and decompressed) once: the reader is a fixed snapshot. */
    private List<IndexedTrack> all;
    /** Each of those tracks' search key (a unit vector summarising its Gaussian), made on first use. */
    private float[][] keys;

    DivergenceSearch(LuceneTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public List<SimilarityIndex.Hit> search(float[] query, int k, Exclusions exclusions) throws IOException {
        int size = tracks.size();
        return size <= EXACT_LIMIT ? exact(query, k, exclusions)
                : SearchStrategy.best(tracks.hnsw(query, Math.max(Math.max(RERANK_CANDIDATES, 10 * k),
                        size / 100 * RERANK_SHARE_PERCENT), exclusions), k);
    }

    /**
     * Every divergence, on all cores (a divergence is a 25 x 25 Cholesky factorisation, so 50,000 of them are
     * the cost of a query), keeping the best k in a bounded heap.
     */
    @Override
    public List<SimilarityIndex.Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException {
        List<IndexedTrack> all = withGaussians();
        double[] similarity = new double[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            IndexedTrack t = all.get(i);
            similarity[i] = exclusions.excludes(t) ? Double.NaN : tracks.space().similarity(query, t.vector());
        });
        // Worst first: lower similarity, then the later id (ties go by id, as everywhere else).
        Comparator<Integer> worseFirst = Comparator.comparingDouble((Integer i) -> similarity[i])
                .thenComparing((Integer i) -> all.get(i).id(), Comparator.reverseOrder());
        PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, worseFirst);
        for (int i = 0; i < all.size(); i++) {
            if (Double.isNaN(similarity[i])) {
                continue;
            }
            if (best.size() < k) {
                best.add(i);
            } else if (worseFirst.compare(i, best.peek()) > 0) {
                best.poll();
                best.add(i);
            }
        }
        List<SimilarityIndex.Hit> hits = new ArrayList<>();
        for (int i : best) {
            hits.add(new SimilarityIndex.Hit(all.get(i).withVector(null), similarity[i]));
        }
        return SearchStrategy.best(hits, k);
    }

    /**
     * The k best of the {@code candidates} tracks whose keys are nearest the query's, by the divergence:
     * for many queries in a row (a path's steps), where an exact search each would compare every track each
     * time. Up to {@value #EXACT_LIMIT} tracks the keys are compared in memory; above, HNSW finds them.
     */
    @Override
    public List<SimilarityIndex.Hit> approximate(float[] query, int k, int candidates, Exclusions exclusions)
            throws IOException {
        if (tracks.size() > EXACT_LIMIT) {
            return SearchStrategy.best(tracks.hnsw(query, candidates, exclusions), k);
        }
        List<IndexedTrack> all = withGaussians();
        float[][] keys = keys(all);
        float[] q = tracks.space().key(query);
        double[] closeness = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            closeness[i] = exclusions.excludes(all.get(i)) ? Double.NEGATIVE_INFINITY : org.songspace.vectors.Vectors.dot(q, keys[i]);
        }
        // The nearest keys in a bounded heap, closest last out (a full sort per path step costs more than the step).
        PriorityQueue<Integer> nearest = new PriorityQueue<>(candidates + 1, Comparator.comparingDouble((Integer i) -> closeness[i]));
        for (int i = 0; i < all.size(); i++) {
            if (closeness[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (nearest.size() < candidates) {
                nearest.add(i);
            } else if (closeness[i] > closeness[nearest.peek()]) {
                nearest.poll();
                nearest.add(i);
            }
        }
        List<SimilarityIndex.Hit> hits = new ArrayList<>();
        for (int i : nearest) {
            hits.add(new SimilarityIndex.Hit(all.get(i).withVector(null), tracks.space().similarity(query, all.get(i).vector())));
        }
        return SearchStrategy.best(hits, k);
    }

    private synchronized float[][] keys(List<IndexedTrack> all) {
        if (keys == null) {
            float[][] made = new float[all.size()][];
            for (int i = 0; i < made.length; i++) {
                made[i] = tracks.space().key(all.get(i).vector());
            }
            keys = made;
        }
        return keys;
    }

    private synchronized List<IndexedTrack> withGaussians() throws IOException {
        if (all == null) {
            all = tracks.all();
        }
        return all;
    }

    @Override
    public boolean exhaustive() {
        return tracks.size() <= EXACT_LIMIT;
    }

    @Override
    public String describe(boolean exact) {
        return exact || tracks.size() <= EXACT_LIMIT ? "exact divergence" : "hnsw candidates re-ranked by divergence";
    }
}
