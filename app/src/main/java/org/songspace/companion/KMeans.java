package org.songspace.companion;

import java.util.List;
import java.util.Random;
import org.songspace.vectors.Vectors;

/** Plain k-means (k-means++ start, cosine on unit vectors, a few rounds): enough to find a library's regions. */
final class KMeans {
    static final int ROUNDS = 20;

    private KMeans() {
    }

    /** The cluster of each vector. */
    static int[] assign(List<float[]> vectors, int k, Random random) {
        float[][] centres = new float[k][];
        centres[0] = vectors.get(random.nextInt(vectors.size())).clone();
        for (int c = 1; c < k; c++) {
            double[] d = new double[vectors.size()];
            double total = 0;
            for (int i = 0; i < vectors.size(); i++) {
                double best = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    best = Math.min(best, 1 - Vectors.dot(vectors.get(i), centres[j]));
                }
                d[i] = best * best;
                total += d[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = 0;
            for (double acc = d[0]; acc < pick && chosen < d.length - 1; acc += d[++chosen]) {
                // walk to the chosen vector
            }
            centres[c] = vectors.get(chosen).clone();
        }
        int[] cluster = new int[vectors.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < vectors.size(); i++) {
                cluster[i] = nearest(vectors.get(i), centres);
            }
            for (int c = 0; c < k; c++) {
                float[] sum = new float[centres[c].length];
                int n = 0;
                for (int i = 0; i < vectors.size(); i++) {
                    if (cluster[i] == c) {
                        float[] v = vectors.get(i);
                        for (int d = 0; d < sum.length; d++) {
                            sum[d] += v[d];
                        }
                        n++;
                    }
                }
                if (n > 0) {
                    centres[c] = Vectors.normalise(sum);
                }
            }
        }
        return cluster;
    }

    /** The member closest to the group's mean. */
    static int medoid(List<float[]> vectors, List<Integer> group) {
        float[] sum = new float[vectors.get(group.get(0)).length];
        for (int i : group) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vectors.get(i)[d];
            }
        }
        float[] mean = Vectors.normalise(sum);
        int best = group.get(0);
        for (int i : group) {
            if (Vectors.dot(vectors.get(i), mean) > Vectors.dot(vectors.get(best), mean)) {
                best = i;
            }
        }
        return best;
    }

    private static int nearest(float[] v, float[][] centres) {
        int best = 0;
        for (int c = 1; c < centres.length; c++) {
            if (Vectors.dot(v, centres[c]) > Vectors.dot(v, centres[best])) {
                best = c;
            }
        }
        return best;
    }
}
