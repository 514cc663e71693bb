package org.songspace.cli;

import java.util.Locale;
import org.songspace.model.SavedModel;
import org.songspace.train.TrainingListener;

/** Only the summary lines (for --quiet and logs). */
class TrainLog implements TrainingListener {
    @Override
    public void epochFinished(SavedModel.EpochRecord r, boolean improved) {
        System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f  valid k-NN %s  lr %.2e  %.1f s%s%n", r.epoch(), r.loss(),
                Double.isNaN(r.validAccuracy()) ? "  n/a" : String.format(Locale.ROOT, "%.3f", r.validAccuracy()),
                r.learningRate(), r.seconds(), improved ? "  (best, saved)" : "");
    }

    @Override
    public void note(String message) {
        System.out.println(message);
    }
}
