package org.songspace.train;

import java.util.List;
import org.songspace.model.SavedModel;

/**
 * What {@code checkpoint/state.json} keeps so that {@code --resume} continues a killed run: the next
 * epoch, the history, the best score and patience so far. The parameters and the optimizer's state
 * (Adam's moments and step counts) are saved beside it, so a resumed run continues exactly.
 */
record CheckpointState(String modelId, int nextEpoch, List<SavedModel.EpochRecord> history, int bestEpoch,
                       double bestScore, int epochsWithoutImprovement) {
}
