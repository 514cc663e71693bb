package org.songspace.train;

import java.util.List;
import org.songspace.model.SavedModel;

/**
 * What {@code checkpoint/state.json} keeps so that {@code --resume} continues a killed run: the next
 * epoch, the history, the best score and patience so far. The Adam moments are not kept: a resumed run
 * restarts them (with the scheduled learning rate), which costs a little progress, not correctness.
 */
record CheckpointState(String modelId, int nextEpoch, List<SavedModel.EpochRecord> history, int bestEpoch,
                       double bestScore, int epochsWithoutImprovement) {
}
