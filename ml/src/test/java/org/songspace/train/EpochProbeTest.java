package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.songspace.model.SupConLoss;
import org.songspace.model.TorchRuntime;
import org.songspace.vectors.Vectors;

class EpochProbeTest {
    /** The held-out score computed in Java is the training loss's formula, with tracks as the classes. */
    @Test
    void heldOutContrastiveLossMatchesTheTrainingLoss() {
        TorchRuntime.configure();
        int dim = 8;
        int[] counts = {3, 2, 1, 4};
        int n = 10;
        Random random = new Random(7);
        float[] emb = new float[n * dim];
        int[] track = new int[n];
        int row = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t]; c++, row++) {
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = (float) (random.nextGaussian() + (j == t ? 2 : 0));
                }
                System.arraycopy(Vectors.normalise(v), 0, emb, row * dim, dim);
                track[row] = t;
            }
        }
        double java = EpochProbe.contrastiveLoss(emb, counts, dim, 0.2f);
        try (NDManager m = NDManager.newBaseManager()) {
            double torch = new SupConLoss(0.2f).evaluate(new NDList(m.create(track)),
                    new NDList(m.create(emb, new Shape(n, dim)))).getFloat();
            assertEquals(torch, java, 1e-4, "Java and libtorch agree");
        }
        // Gathered tracks score lower than scattered ones.
        float[] gathered = new float[n * dim];
        for (int i = 0; i < n; i++) {
            gathered[i * dim + track[i]] = 1;
        }
        assertTrue(EpochProbe.contrastiveLoss(gathered, counts, dim, 0.2f) < java);
    }
}
