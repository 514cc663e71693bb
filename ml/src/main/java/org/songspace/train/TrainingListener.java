package org.songspace.train;

import org.songspace.model.SavedModel;

/** Progress of a training run, for progress bars and logs. All methods have empty defaults. */
public interface TrainingListener {
    /** An epoch begins with this many steps. */
    default void epochStarted(int epoch, int steps) {
    }

    /** A step finished with this batch loss. */
    default void stepFinished(int epoch, int step, double loss) {
    }

    /** An epoch finished (after validation); {@code improved} when it became the best so far. */
    default void epochFinished(SavedModel.EpochRecord record, boolean improved) {
    }

    /** A message worth showing (resume, early stop ...). */
    default void note(String message) {
    }
}
