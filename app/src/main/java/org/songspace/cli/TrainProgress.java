package org.songspace.cli;

import java.util.Locale;
import org.songspace.model.SavedModel;

/**
 * Training progress: on a terminal a bar per epoch with the running loss; always one summary line per
 * epoch (a log gets just those lines).
 */
class TrainProgress extends TrainLog {
    private Progress.Steps bar;

    @Override
    public void epochStarted(int epoch, int steps) {
        if (Progress.stderrIsTerminal()) {
            bar = Progress.steps("epoch " + (epoch + 1), steps, false);
        }
    }

    @Override
    public void stepFinished(int epoch, int step, double loss) {
        if (bar != null) {
            bar.step();
            bar.note(String.format(Locale.ROOT, " loss %.4f", loss));
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
