package org.songspace.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.songspace.features.FeatureConfig;
import org.songspace.features.Segmenter;
import org.songspace.io.AtomicFiles;
import org.songspace.io.Json;

/**
 * A saved model is one self-describing folder: {@code model.json} ({@link SavedModel}) and
 * {@code parameters.bin} (DJL's parameter stream for the block that model.json describes). Both are
 * written atomically, parameters first, so a reader never sees a manifest without its parameters.
 */
public final class ModelFolder {
    public static final String MANIFEST = "model.json";
    public static final String PARAMETERS = "parameters.bin";

    private ModelFolder() {
    }

    public static boolean isModelFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    public static void save(Path dir, SavedModel model, Block block) throws IOException {
        saveParameters(dir.resolve(PARAMETERS), block);
        Json.write(dir.resolve(MANIFEST), model);
    }

    /**
     * Saves a model with freshly initialised weights and a plain global normalisation, for benchmarks:
     * embedding costs the same whatever the weights. Its id says it is untrained.
     */
    public static SavedModel saveUntrained(Path dir, EncoderType type, FeatureConfig features, long seed)
            throws IOException {
        EncoderSpec spec = EncoderSpec.defaults(type, features.nMels(), Segmenter.DEFAULT_WINDOW);
        float[] mean = new float[features.nMels()];
        float[] std = new float[features.nMels()];
        java.util.Arrays.fill(mean, -40f);
        java.util.Arrays.fill(std, 20f);
        SavedModel model = new SavedModel(SavedModel.FORMAT, type.id() + "-untrained-s" + seed, spec, features,
                new Normaliser(mean, std), List.of(), null, List.of(), -1, null, "untrained", TorchRuntime.versions(),
                java.time.Instant.now().toString());
        TorchRuntime.configure();
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            Files.createDirectories(dir);
            save(dir, model, newBlock(spec, manager));
        }
        return model;
    }

    public static void saveParameters(Path file, Block block) throws IOException {
        AtomicFiles.write(file, out -> block.saveParameters(new DataOutputStream(out)));
    }

    /** Reads and checks model.json. */
    public static SavedModel read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a model folder (no such folder)");
        }
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(dir + " is not a songspace model folder (no " + MANIFEST + ")");
        }
        SavedModel model = Json.read(manifest, SavedModel.class);
        if (model.format() != SavedModel.FORMAT || model.spec() == null || model.features() == null
                || model.normaliser() == null) {
            throw new IOException(manifest + ": unsupported or incomplete model description (format " + model.format() + ")");
        }
        if (model.normaliser().mean().length != model.spec().nMels()) {
            throw new IOException(manifest + ": normalisation has " + model.normaliser().mean().length
                    + " bands but the model expects " + model.spec().nMels());
        }
        if (!Files.isRegularFile(dir.resolve(PARAMETERS))) {
            throw new IOException(dir + ": " + PARAMETERS + " is missing (the model was never saved completely)");
        }
        return model;
    }

    /** Builds the block described by {@code spec}, initialised for its input shape. */
    public static Block newBlock(EncoderSpec spec, NDManager manager) {
        Block block = Encoders.build(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, spec.nMels(), spec.frames()));
        return block;
    }

    /** Builds the block and loads its parameters from {@code file}. */
    public static Block loadBlock(SavedModel model, Path file, NDManager manager) throws IOException {
        Block block = newBlock(model.spec(), manager);
        loadParameters(block, file, manager);
        return block;
    }

    /**
     * Loads parameters into an initialised block. DJL replaces each array with what the stream holds
     * without checking its shape, so the shapes are compared here: a file saved from another architecture
     * is refused instead of running with the wrong weights.
     */
    public static void loadParameters(Block block, Path file, NDManager manager) throws IOException {
        java.util.Map<String, Shape> expected = new java.util.LinkedHashMap<>();
        block.getParameters().forEach(p -> expected.put(p.getKey(), p.getValue().getArray().getShape()));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            block.loadParameters(manager, new DataInputStream(in));
            if (in.read() != -1) {
                throw new MalformedModelException("the file holds more parameters than the architecture has");
            }
        } catch (MalformedModelException | IllegalArgumentException | IllegalStateException | java.io.EOFException e) {
            throw new IOException(file + " does not match the architecture in " + MANIFEST + " (" + e.getMessage() + ")", e);
        }
        for (var p : block.getParameters()) {
            Shape want = expected.get(p.getKey());
            Shape got = p.getValue().getArray().getShape();
            if (!got.equals(want)) {
                throw new IOException(file + " does not match the architecture in " + MANIFEST + ": parameter "
                        + p.getKey() + " has shape " + got + ", the architecture needs " + want);
            }
        }
    }
}
