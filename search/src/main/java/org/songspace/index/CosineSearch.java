package org.songspace.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.songspace.vectors.Vectors;

/** Learned embeddings: unit vectors, HNSW on cosine, and a streaming brute-force scan to check it. */
final class CosineSearch implements SearchStrategy {
    private final LuceneTracks tracks;

    CosineSearch(LuceneTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public List<SimilarityIndex.Hit> search(float[] query, int k, Exclusions exclusions) throws IOException {
        return tracks.hnsw(query, k, exclusions);
    }

    /**
     * Every stored vector compared in one streaming pass, keeping only the best k (ties: index order), so
     * checking a million-vector index needs no copy of it in memory; stored fields are read for the
     * winners only, unless exclusions need each candidate's id, artist or album.
     */
    @Override
    public List<SimilarityIndex.Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException {
        float[] q = Vectors.normalise(query.clone());
        int[] best = new int[k];
        double[] bestSimilarity = new double[k];
        java.util.Arrays.fill(best, -1);
        java.util.Arrays.fill(bestSimilarity, Double.NEGATIVE_INFINITY);
        tracks.forEachKey((doc, v) -> {
            // Stored vectors are unit length: the dot product is the cosine.
            double similarity = Vectors.dot(q, v);
            if (similarity > bestSimilarity[k - 1] && (exclusions.isEmpty() || !exclusions.excludes(tracks.track(doc)))) {
                int j = k - 1;
                while (j > 0 && bestSimilarity[j - 1] < similarity) {
                    bestSimilarity[j] = bestSimilarity[j - 1];
                    best[j] = best[j - 1];
                    j--;
                }
                bestSimilarity[j] = similarity;
                best[j] = doc;
            }
        });
        List<SimilarityIndex.Hit> hits = new ArrayList<>();
        for (int i = 0; i < k && best[i] >= 0; i++) {
            hits.add(new SimilarityIndex.Hit(tracks.track(best[i]), bestSimilarity[i]));
        }
        return hits;
    }

    @Override
    public boolean exhaustive() {
        return false;
    }

    @Override
    public String describe(boolean exact) {
        return exact ? "exact" : "hnsw";
    }
}
