package org.songspace.train;

import org.songspace.model.SavedModel;

/** Stops the run when the monitored score has not improved for {@code patience} epochs. */
final class EarlyStopping implements EpochListener {
    private final int patience;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    @Override
    public void onTrainingStart(TrainingRun run) {
        // A resumed run whose patience had already run out has nothing left to do.
        onEpochEnd(run, null, false);
    }

    @Override
    public void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) {
        if (run.epochsWithoutImprovement() >= patience) {
            run.requestStop("early stop: no better " + run.monitor().metric() + " for " + run.epochsWithoutImprovement()
                    + " epochs");
        }
    }
}
