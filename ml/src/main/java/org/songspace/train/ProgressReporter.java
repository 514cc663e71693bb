package org.songspace.train;

import java.util.Locale;
import org.songspace.model.SavedModel;
import org.songspace.vectors.EmbeddingDiagnostics;

/** Passes epoch ends and notes to a {@link TrainingListener} (progress bars, logs). */
final class ProgressReporter implements EpochListener {
    private final TrainingListener listener;
    private boolean warned;

    ProgressReporter(TrainingListener listener) {
        this.listener = listener;
    }

    @Override
    public void onTrainingStart(TrainingRun run) {
        if (run.nextEpoch() > 0) {
            listener.note("resuming " + run.modelId() + " at epoch " + (run.nextEpoch() + 1) + " (best so far: epoch "
                    + (run.bestEpoch() + 1) + ")");
        }
    }

    @Override
    public void onEpochEnd(TrainingRun run, SavedModel.EpochRecord record, boolean improved) {
        listener.epochFinished(record, improved);
        Double cosine = record.metrics().get(Monitor.MEAN_COSINE);
        Double rank = record.metrics().get(Monitor.EFFECTIVE_RANK);
        boolean collapsed = cosine != null && rank != null && new EmbeddingDiagnostics(cosine, rank).collapsed();
        if (collapsed && !warned) {
            warned = true;
            listener.note(String.format(Locale.ROOT, "warning: the embeddings are collapsing (epoch %d: mean pairwise "
                    + "cosine %.4f, effective rank %.1f): distinct tracks look almost the same to this model, so its "
                    + "neighbours mean little", record.epoch(), cosine, rank));
        }
    }

    @Override
    public void onTrainingEnd(TrainingRun run) {
        if (run.stopReason() != null) {
            listener.note(run.stopReason());
        }
    }
}
