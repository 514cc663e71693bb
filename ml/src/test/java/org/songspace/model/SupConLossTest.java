package org.songspace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SupConLossTest {
    @BeforeAll
    static void engine() {
        TorchRuntime.configure();
    }

    @Test
    void collapsedEmbeddingsCostLogOfTheOthersAndSeparatedOnesAlmostNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray labels = m.create(new int[] {0, 0, 1, 1});
            // Every embedding the same: each anchor's positive is one of 3 equal others, -log(1/3).
            NDArray same = m.create(new float[] {1, 0, 1, 0, 1, 0, 1, 0}, new Shape(4, 2));
            assertEquals(Math.log(3), SupConLoss.loss(same, labels, 0.1f).getFloat(), 1e-5);
            // Classes at opposite poles: the positive dominates the denominator.
            NDArray apart = m.create(new float[] {1, 0, 1, 0, -1, 0, -1, 0}, new Shape(4, 2));
            float separated = SupConLoss.loss(apart, labels, 0.1f).getFloat();
            assertTrue(separated < 1e-6, "separated classes: " + separated);
            // In between, orthogonal classes: exp(10) / (exp(10) + 2 exp(0)) per anchor.
            NDArray orthogonal = m.create(new float[] {1, 0, 1, 0, 0, 1, 0, 1}, new Shape(4, 2));
            assertEquals(-Math.log(Math.exp(10) / (Math.exp(10) + 2)), SupConLoss.loss(orthogonal, labels, 0.1f).getFloat(), 1e-5);
        }
    }
}
