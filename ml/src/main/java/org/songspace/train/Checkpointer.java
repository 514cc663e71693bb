package org.songspace.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.songspace.io.AtomicFiles;
import org.songspace.io.Json;
import org.songspace.model.EncoderSpec;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;

/**
 * After every epoch, {@code checkpoint/}: the last parameters, the optimizer's state and the run's state,
 * each written atomically and the state last, so a run killed at any moment resumes from a consistent epoch.
 */
final class Checkpointer implements EpochListener {
    static final String DIR = "checkpoint";
    private static final String PARAMETERS = "last.params";
    private static final String OPTIMIZER = "optimizer.bin";
    private static final String STATE = "state.json";

    @Override
    public void onTrainingStart(TrainingRun run) throws IOException {
        Files.createDirectories(run.outDir().resolve(DIR));
    }

    @Override
    public void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) throws IOException {
        Path dir = run.outDir().resolve(DIR);
        ModelFolder.saveParameters(dir.resolve(PARAMETERS), run.model().getBlock());
        AtomicFiles.write(dir.resolve(OPTIMIZER), out -> run.optimizer().save(new DataOutputStream(out)));
        Json.write(dir.resolve(STATE), run.checkpointState());
    }

    /** The saved state of a run in {@code outDir}, checked against the architecture this run asks for. */
    static CheckpointState read(Path outDir, EncoderSpec spec) throws IOException {
        Path dir = outDir.resolve(DIR);
        Path state = dir.resolve(STATE);
        for (Path p : new Path[] {state, dir.resolve(PARAMETERS), dir.resolve(OPTIMIZER)}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("--resume: " + outDir + " has no complete checkpoint to resume from (" + p
                        + " is missing)");
            }
        }
        SavedModel previous = ModelFolder.read(outDir);
        if (!previous.spec().equals(spec)) {
            throw new IOException("--resume: the checkpoint in " + outDir + " is a " + previous.spec()
                    + " model, this run asks for " + spec);
        }
        return Json.read(state, CheckpointState.class);
    }

    /**
     * Puts the checkpoint's parameters, optimizer state and history into the run. The values are copied
     * into the arrays the trainer already holds: its parameter store keeps the arrays it found at
     * initialisation, so arrays swapped in afterwards would be saved but never trained.
     */
    static void restore(TrainingRun run, CheckpointState state) throws IOException {
        Path dir = run.outDir().resolve(DIR);
        Block target = run.model().getBlock();
        try (NDManager scratch = run.trainer().getManager().newSubManager()) {
            Block saved = ModelFolder.loadBlock(run.manifest(), dir.resolve(PARAMETERS), scratch);
            Map<String, NDArray> values = new HashMap<>();
            saved.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray()));
            for (Pair<String, Parameter> p : target.getParameters()) {
                values.get(p.getKey()).copyTo(p.getValue().getArray());
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(OPTIMIZER)))) {
            run.optimizer().load(new DataInputStream(in), run.trainer().getManager());
        }
        run.restore(state);
    }
}
