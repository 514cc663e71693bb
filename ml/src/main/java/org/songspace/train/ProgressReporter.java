package org.songspace.train;

import org.songspace.model.SavedModel;

/** Passes epoch ends and notes to a {@link TrainingListener} (progress bars, logs). */
final class ProgressReporter implements EpochListener {
    private final TrainingListener listener;

    ProgressReporter(TrainingListener listener) {
        this.listener = listener;
    }

    @Override
    public void onTrainingStart(TrainingRun run) {
        if (run.nextEpoch() > 0) {
            listener.note("resuming " + run.modelId() + " at epoch " + (run.nextEpoch() + 1) + " (best so far: epoch "
                    + (run.bestEpoch() + 1) + ")");
        }
    }

    @Override
    public void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) {
        listener.epochFinished(record, improved);
    }

    @Override
    public void onTrainingEnd(TrainingRun run) {
        if (run.stopReason() != null) {
            listener.note(run.stopReason());
        }
    }
}
