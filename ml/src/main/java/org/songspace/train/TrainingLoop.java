package org.songspace.train;

import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.songspace.model.SavedModel;

/**
 * The loop itself: per epoch, the steps, the validation score, one history record, then the listeners;
 * it ends after the last epoch or when a listener asks it to stop.
 */
final class TrainingLoop {
    private final StepRunner steps;
    private final int stepsPerEpoch;
    private final Tracker schedule;
    private final EpochProbe probe;
    private final TrainingListener progress;

    TrainingLoop(StepRunner steps, int stepsPerEpoch, Tracker schedule, EpochProbe probe, TrainingListener progress) {
        this.steps = steps;
        this.stepsPerEpoch = stepsPerEpoch;
        this.schedule = schedule;
        this.probe = probe;
        this.progress = progress;
    }

    void run(TrainingRun run, List<EpochListener> listeners) throws IOException {
        for (EpochListener l : listeners) {
            l.onTrainingStart(run);
        }
        int epochs = run.options().epochs();
        for (int epoch = run.nextEpoch(); epoch < epochs && run.stopReason() == null; epoch++) {
            SavedModel.EpochRecord record = trainEpoch(run, epoch);
            boolean improved = run.record(record);
            for (EpochListener l : listeners) {
                l.onEpochEnd(run, record, improved);
            }
        }
        for (EpochListener l : listeners) {
            l.onTrainingEnd(run);
        }
    }

    private SavedModel.EpochRecord trainEpoch(TrainingRun run, int epoch) throws IOException {
        long t0 = System.nanoTime();
        // One stream of random numbers per epoch, so a resumed epoch draws exactly what it would have.
        Random random = new Random(run.options().seed() * 1_000_003L + epoch);
        steps.startEpoch(random);
        progress.epochStarted(epoch, stepsPerEpoch);
        double lossSum = 0;
        double activeSum = 0;
        for (int step = 0; step < stepsPerEpoch; step++) {
            StepRunner.StepResult result = steps.step(run.trainer(), random, run.spec(), run.normaliser());
            lossSum += result.loss();
            activeSum += result.activeTriplets();
            progress.stepFinished(epoch, step, result.loss());
        }
        long t1 = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Monitor.TRAIN_LOSS, lossSum / stepsPerEpoch);
        if (!Double.isNaN(activeSum)) {
            metrics.put(Monitor.ACTIVE_TRIPLETS, activeSum / stepsPerEpoch);
        }
        metrics.putAll(probe.measure(run));
        double validationSeconds = (System.nanoTime() - t1) / 1e9;
        double accuracy = metrics.getOrDefault(Monitor.VALID_KNN, Double.NaN);
        double lr = schedule.getNewValue(Math.max(0, (epoch + 1) * stepsPerEpoch - 1));
        return new SavedModel.EpochRecord(epoch + 1, lossSum / stepsPerEpoch, accuracy, (System.nanoTime() - t0) / 1e9, lr,
                validationSeconds, metrics);
    }
}
