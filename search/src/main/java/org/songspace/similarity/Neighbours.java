package org.songspace.similarity;

import java.util.List;

/**
 * The answer to "songs like this one".
 *
 * @param seed     what was searched from
 * @param matches  most similar first; never the seed itself
 * @param mode     {@code "hnsw"} or {@code "exact"}, with {@code " + mutual proximity"} when re-ranked by it
 * @param position where the seed sits on the library map (its own position when indexed, else placed among
 *                 its neighbours)
 */
public record Neighbours(Seed seed, List<Match> matches, String mode, float[] position) {
    public Neighbours {
        matches = List.copyOf(matches);
    }
}
