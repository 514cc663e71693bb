package org.songspace.train;

import java.io.IOException;
import org.songspace.io.Json;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;

/**
 * Keeps the model folder at the best epoch: parameters and model.json when the score improved, else
 * model.json alone (so its history is always current and its parameters always the best ones).
 */
final class BestModelSaver implements EpochListener {
    @Override
    public void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) throws IOException {
        if (improved) {
            ModelFolder.save(run.outDir(), run.manifest(), run.model().getBlock());
        } else {
            Json.write(run.outDir().resolve(ModelFolder.MANIFEST), run.manifest());
        }
    }
}
