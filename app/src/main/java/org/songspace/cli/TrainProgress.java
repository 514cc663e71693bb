package org.songspace.cli;

import me.tongfei.progressbar.ProgressBar;
import org.songspace.model.SavedModel;

/** Training progress: a bar per epoch with the running loss, and one summary line per epoch. */
class TrainProgress extends TrainLog {
    private ProgressBar bar;

    @Override
    public void epochStarted(int epoch, int steps) {
        bar = Progress.bar("epoch " + (epoch + 1), steps);
    }

    @Override
    public void stepFinished(int epoch, int step, double loss) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(" loss %.4f", loss));
        }
    }

    @Override
    public void epochFinished(SavedModel.EpochRecord r, boolean improved) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        super.epochFinished(r, improved);
    }
}
