package org.songspace.eval;

import org.songspace.vectors.Distance;
import org.songspace.vectors.NeighbourSearch;

/**
 * Hubness of a set of vectors: the skewness of k-occurrence, N_k(x) = how many other tracks have x among
 * their k nearest. Near 0 every track is somebody's neighbour about equally often; large and positive, a
 * few "hubs" turn up in everyone's list (typical of high-dimensional spaces and of timbre models).
 */
public final class Hubness {
    private Hubness() {
    }

    public static double kOccurrenceSkewness(float[][] vectors, int k, Distance metric, boolean mutualProximity) {
        int n = vectors.length;
        NeighbourSearch search = new NeighbourSearch(vectors, metric, mutualProximity);
        int[] occurrences = new int[n];
        for (int i = 0; i < n; i++) {
            int self = i;
            for (int j : search.nearest(vectors[i], k, t -> t == self)) {
                occurrences[j]++;
            }
        }
        double mean = 0;
        for (int c : occurrences) {
            mean += c / (double) n;
        }
        double m2 = 0;
        double m3 = 0;
        for (int c : occurrences) {
            double d = c - mean;
            m2 += d * d / n;
            m3 += d * d * d / n;
        }
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }
}
