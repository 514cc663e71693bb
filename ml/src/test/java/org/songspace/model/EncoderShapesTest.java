package org.songspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncoderShapesTest {
    @ParameterizedTest
    @EnumSource(EncoderType.class)
    void forwardShapes(EncoderType type) {
        TorchRuntime.configure();
        EncoderSpec spec = EncoderSpec.defaults(type, 128, 130);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Encoders.build(spec);
            block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 128, 130));
            NDArray x = manager.randomNormal(new Shape(4, 1, 128, 130));
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertArrayEquals(new long[] {4, 128}, out.get(0).getShape().getShape());
            if (type == EncoderType.CAE) {
                assertArrayEquals(new long[] {4, 1, 128, Encoders.reconstructedFrames(spec)}, out.get(1).getShape().getShape());
                assertEquals(128, Encoders.reconstructedFrames(spec));
            } else {
                float[] norms = out.get(0).norm(new int[] {1}).toFloatArray();
                for (float n : norms) {
                    assertEquals(1f, n, 1e-4f, "triplet, CRNN and contrastive embeddings are unit length");
                }
                if (type == EncoderType.CONTRASTIVE) {
                    assertArrayEquals(new long[] {4, Encoders.PROJECTION_DIM}, out.get(1).getShape().getShape(),
                            "the projection head's output, seen only by the training loss");
                }
            }
            long params = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertTrue(params > 10_000, type + " has " + params + " parameters");
        }
    }

    @ParameterizedTest
    @EnumSource(Pooling.class)
    void everyPoolingGivesUnitEmbeddingsOfTheSpecSize(Pooling pooling) {
        TorchRuntime.configure();
        for (EncoderType type : new EncoderType[] {EncoderType.TRIPLET, EncoderType.CRNN, EncoderType.CONTRASTIVE}) {
            EncoderSpec spec = EncoderSpec.defaults(type, 128, 259).withPooling(pooling);
            try (NDManager manager = NDManager.newBaseManager()) {
                Block block = Encoders.build(spec);
                block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 128, 259));
                NDArray x = manager.randomNormal(new Shape(2, 1, 128, 259));
                NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), false).get(0);
                assertArrayEquals(new long[] {2, 128}, out.getShape().getShape(), type + " " + pooling);
                for (float n : out.norm(new int[] {1}).toFloatArray()) {
                    assertEquals(1f, n, 1e-4f);
                }
            }
        }
    }
}
