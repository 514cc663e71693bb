package org.songspace.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.songspace.vectors.Knn;
import org.songspace.vectors.NeighbourSearch;
import org.songspace.vectors.Vectors;

/** Learned embeddings: unit vectors, HNSW on cosine, and a brute-force scan to check it. */
final class CosineSearch implements SearchStrategy {
    private final LuceneTracks tracks;

    CosineSearch(LuceneTracks tracks) {
        this.tracks = tracks;
    }

    @Override
    public List<SimilarityIndex.Hit> search(float[] query, int k, Exclusions exclusions) throws IOException {
        return tracks.hnsw(query, k, exclusions);
    }

    @Override
    public List<SimilarityIndex.Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException {
        List<IndexedTrack> all = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        tracks.forEachVector((track, v) -> {
            all.add(track);
            vectors.add(v);
        });
        if (all.isEmpty()) {
            return List.of();
        }
        NeighbourSearch scan = new NeighbourSearch(vectors.toArray(new float[0][]), Knn.Metric.COSINE);
        float[] q = Vectors.normalise(query.clone());
        List<SimilarityIndex.Hit> hits = new ArrayList<>();
        for (int i : scan.nearest(q, k, i -> exclusions.excludes(all.get(i)))) {
            // Stored vectors are unit length: the dot product is the cosine.
            hits.add(new SimilarityIndex.Hit(all.get(i), Vectors.dot(q, vectors.get(i))));
        }
        return hits;
    }

    @Override
    public String describe(boolean exact) {
        return exact ? "exact" : "hnsw";
    }
}
