package org.songspace.cli;

import java.util.Locale;
import org.songspace.model.SavedModel;
import org.songspace.train.Monitor;
import org.songspace.train.TrainingListener;

/** Only the summary lines (for --quiet and logs). */
class TrainLog implements TrainingListener {
    @Override
    public void epochFinished(SavedModel.EpochRecord r, boolean improved) {
        System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f  valid k-NN %s  cos %s  rank %s%s  lr %.2e  %.1f s%s%n",
                r.epoch(), r.loss(), Double.isNaN(r.validAccuracy()) ? "  n/a" : String.format(Locale.ROOT, "%.3f",
                        r.validAccuracy()), metric(r, Monitor.MEAN_COSINE, "%.4f"), metric(r, Monitor.EFFECTIVE_RANK, "%.1f"),
                (r.metrics().containsKey(Monitor.ACTIVE_TRIPLETS) ? "  active " + metric(r, Monitor.ACTIVE_TRIPLETS, "%.2f") : "")
                        + (r.metrics().containsKey(Monitor.VALID_CONTRAST) ? "  held-out contrast "
                        + metric(r, Monitor.VALID_CONTRAST, "%.4f") : ""),
                r.learningRate(), r.seconds(), improved ? "  (saved)" : "");
    }

    private static String metric(SavedModel.EpochRecord r, String name, String format) {
        Double v = r.metrics().get(name);
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    @Override
    public void note(String message) {
        System.out.println(message);
    }
}
