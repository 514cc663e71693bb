package org.songspace.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How an index is searched, chosen once from its {@link VectorSpace}: learned embeddings by HNSW on
 * cosine ({@link CosineSearch}), timbre Gaussians by their divergence ({@link DivergenceSearch}).
 */
interface SearchStrategy {
    /** The k most similar tracks, most similar first, leaving out what {@code exclusions} names. */
    List<SimilarityIndex.Hit> search(float[] query, int k, Exclusions exclusions) throws IOException;

    /** The exact k most similar tracks (every vector compared). */
    List<SimilarityIndex.Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException;

    /** How a search runs, for people. */
    String describe(boolean exact);

    /** Whether {@link #search} compares every vector, so that asking for more results costs no more. */
    boolean exhaustive();

    /**
     * The k most similar among about {@code candidates} near ones, for many queries in a row where an
     * exhaustive search would compare every vector each time; otherwise {@link #search}.
     */
    default List<SimilarityIndex.Hit> approximate(float[] query, int k, int candidates, Exclusions exclusions)
            throws IOException {
        return search(query, k, exclusions);
    }

    static SearchStrategy of(LuceneTracks tracks) {
        return tracks.space().reranks() ? new DivergenceSearch(tracks) : new CosineSearch(tracks);
    }

    /** The k best hits by similarity (ties by id, so results never depend on index order). */
    static List<SimilarityIndex.Hit> best(List<SimilarityIndex.Hit> hits, int k) {
        hits.sort(Comparator.comparingDouble((SimilarityIndex.Hit h) -> -h.similarity()).thenComparing(h -> h.track().id()));
        return new ArrayList<>(hits.subList(0, Math.min(k, hits.size())));
    }
}
