package org.songspace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.model.EncoderType;
import org.songspace.train.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time training steps (forward, backward, Adam update) and inference of each encoder on "
                + "random [batch, 1, 128, 130] segments, and project the epoch time for a collection of clips."},
        footer = {"", "Example:", "  ./songspace bench train --steps 20"})
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "32", description = "Segments per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps per model (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clips", defaultValue = "1000", description = "Clips for the epoch projection (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--clip-seconds", defaultValue = "30", description = "Clip length for the projection (default: ${DEFAULT-VALUE}).")
    double clipSeconds;

    @Option(names = "--models", defaultValue = "cae,triplet,crnn", split = ",",
            description = "Models to time, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    java.util.List<EncoderType> models;

    /** The validator's sample at its largest (256 reference tracks x 3 crops, 400 validation tracks x 5). */
    private static final int KNN_REFERENCE_SEGMENTS = 256 * 3;
    private static final int KNN_VALID_SEGMENTS = 400 * 5;

    @Override
    public Integer call() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        int segmentsPerClip = (int) (clipSeconds / 3);
        double allModelsEpoch = 0;
        for (EncoderType type : models) {
            StepBenchmark.Result r = StepBenchmark.run(type, batch, steps, warmup);
            org.songspace.model.TorchRuntime.configure();
            // One epoch as train runs it: two crops of every clip (triplet, crnn) or every segment once (cae),
            // plus the per-epoch probe of a fixed sample of crops.
            int stepsPerEpoch = (int) Math.ceil(clips * (double) (type.learnsByContrast() ? 2 : segmentsPerClip) / batch);
            int validationBatches = (int) Math.ceil((KNN_REFERENCE_SEGMENTS + KNN_VALID_SEGMENTS) / (double) batch);
            double epochSeconds = (stepsPerEpoch * r.msPerStep() + validationBatches * r.msPerInferenceBatch()) / 1000;
            allModelsEpoch += epochSeconds;
            System.out.printf(Locale.ROOT, "%-8s %9d params  train step %7.1f ms  inference %6.1f ms  (batch %d)  epoch on %d x %.0f s "
                    + "clips: %.0f s%n", r.type().id(), r.parameters(), r.msPerStep(), r.msPerInferenceBatch(), batch, clips,
                    clipSeconds, epochSeconds);
        }
        System.out.printf(Locale.ROOT, "all models: %.1f min per epoch each; %d epochs each fit in 15 min (train runs 20)%n",
                allModelsEpoch / 60, (int) Math.floor(15 * 60 / allModelsEpoch));
        System.out.printf(Locale.ROOT, "threads: intra-op %s, inter-op %s; tcmalloc %s%n", System.getProperty("ai.djl.pytorch.num_threads"),
                System.getProperty("ai.djl.pytorch.num_interop_threads"), preload.contains("tcmalloc") ? "preloaded" : "NOT preloaded");
        return 0;
    }
}
