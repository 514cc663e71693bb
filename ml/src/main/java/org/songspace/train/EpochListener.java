package org.songspace.train;

import java.io.IOException;
import org.songspace.model.SavedModel;

/**
 * One job around the training loop (early stopping, saving the best model, checkpoints, progress), as DJL's
 * TrainingListener is for EasyTrain. Listeners run in the order they were given, after the epoch's
 * scores are known.
 */
public interface EpochListener {
    /** Before the first epoch of this run (a resumed run: before the first epoch it trains). */
    default void onTrainingStart(TrainingRun run) throws IOException {
    }

    /** After an epoch: {@code record} is its line in the history, {@code improved} whether it is the best so far. */
    default void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) throws IOException {
    }

    /** After the last epoch (also after an early stop). */
    default void onTrainingEnd(TrainingRun run) throws IOException {
    }
}
