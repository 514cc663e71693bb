package org.songspace.train;

import ai.djl.Model;
import ai.djl.training.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.songspace.model.EncoderSpec;
import org.songspace.model.Normaliser;
import org.songspace.model.SavedModel;

/**
 * The state of one training run that the loop and its listeners share: the model being trained, its
 * manifest, the history so far, the best score under the run's {@link Monitor}, and a stop request.
 */
public final class TrainingRun {
    private final TrainingRequest request;
    private final SavedModel manifest;
    private final Model model;
    private final Trainer trainer;
    private final ResumableAdam optimizer;
    private final Monitor monitor;
    private final List<SavedModel.EpochRecord> history = new ArrayList<>();
    private int bestEpoch = -1;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int epochsWithoutImprovement;
    private String stopReason;
    private final TrainingOptions.Keep keep;

    TrainingRun(TrainingRequest request, SavedModel manifest, Model model, Trainer trainer, ResumableAdam optimizer,
                Monitor monitor, TrainingOptions.Keep keep) {
        this.keep = keep;
        this.request = request;
        this.manifest = manifest;
        this.model = model;
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.monitor = monitor;
    }

    public TrainingRequest request() {
        return request;
    }

    public TrainingOptions options() {
        return request.options();
    }

    public Path outDir() {
        return request.outDir();
    }

    public String modelId() {
        return manifest.id();
    }

    public EncoderSpec spec() {
        return manifest.spec();
    }

    public Normaliser normaliser() {
        return manifest.normaliser();
    }

    public Model model() {
        return model;
    }

    public Trainer trainer() {
        return trainer;
    }

    ResumableAdam optimizer() {
        return optimizer;
    }

    public Monitor monitor() {
        return monitor;
    }

    public List<SavedModel.EpochRecord> history() {
        return List.copyOf(history);
    }

    /** 0-based epoch of the best score so far, -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }

    /** The next epoch to train (0-based). */
    public int nextEpoch() {
        return history.size();
    }

    /** model.json as it stands: the history so far and the best epoch (1-based). */
    public SavedModel manifest() {
        return manifest.withProgress(history, bestEpoch + 1);
    }

    /** Asks the loop to stop after this epoch; the first reason given is kept. */
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    public String stopReason() {
        return stopReason;
    }

    /** Adds an epoch to the history and scores it; true when it is the best so far. */
    boolean record(SavedModel.EpochRecord record) {
        history.add(record);
        double score = monitor.score(history);
        boolean improved = keep == TrainingOptions.Keep.LAST
                || !Double.isNaN(score) && score > bestScore + 1e-9;
        if (improved) {
            bestScore = score;
            bestEpoch = record.epoch() - 1;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        return improved;
    }

    CheckpointState checkpointState() {
        return new CheckpointState(modelId(), nextEpoch(), history(), bestEpoch, bestScore, epochsWithoutImprovement);
    }

    void restore(CheckpointState state) {
        history.clear();
        history.addAll(state.history());
        bestEpoch = state.bestEpoch();
        bestScore = state.bestScore();
        epochsWithoutImprovement = state.epochsWithoutImprovement();
    }
}
