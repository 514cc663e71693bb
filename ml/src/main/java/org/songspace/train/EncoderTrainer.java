package org.songspace.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.model.EncoderSpec;
import org.songspace.model.EncoderType;
import org.songspace.model.Encoders;
import org.songspace.model.ModelFolder;
import org.songspace.model.Normaliser;
import org.songspace.model.ReconstructionLoss;
import org.songspace.model.SavedModel;
import org.songspace.model.TorchRuntime;
import org.songspace.model.TrackEncoder;
import org.songspace.model.TripletLoss;
import org.songspace.vectors.Knn;
import org.songspace.io.UserError;

/**
 * Trains one encoder: Adam on a cosine learning-rate schedule, P x K batches (triplet, CRNN) or uniform
 * batches (CAE) of augmented random crops; after every epoch, k-NN accuracy of the validation tracks
 * against the training tracks (track embedding = mean of segments, re-normalised). The best epoch is
 * saved as the model folder, every epoch as a checkpoint, and training stops early when validation has
 * not improved for {@code patience} epochs.
 */
public final class EncoderTrainer {
    private static final String CHECKPOINT = "checkpoint";
    private static final int MAX_REFERENCE_TRACKS = 2000;

    private final TrainingRequest request;
    private final TrainingListener listener;

    public EncoderTrainer(TrainingRequest request, TrainingListener listener) {
        this.request = request;
        this.listener = listener == null ? new TrainingListener() { } : listener;
    }

    public SavedModel run() throws IOException {
        TorchRuntime.configure();
        TrainingOptions options = request.options();
        EncoderType type = request.type();
        List<String> labelNames = request.labelNames();
        if (type.usesLabels() && labelNames.size() < 2) {
            throw new UserError(type.id() + " trains on labels and needs at least 2 labels among the "
                    + "training tracks; found " + labelNames.size() + " (the cae model needs no labels)");
        }
        FeatureStore store = request.store();
        int frames = org.songspace.features.Segmenter.DEFAULT_WINDOW;
        EncoderSpec spec = EncoderSpec.defaults(type, store.config().nMels(), frames).withEmbeddingDim(options.embeddingDim());
        List<String> trainIds = request.split().train();
        int[] trainLabels = labelIndices(trainIds, labelNames);
        Normaliser normaliser = normaliser(store, trainIds);
        Path out = request.outDir();
        Files.createDirectories(out.resolve(CHECKPOINT));
        CheckpointState state = request.resume() ? readCheckpoint(out, spec) : null;

        String created = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        String id = state != null ? state.modelId() : type.id() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + "-s" + options.seed();
        SavedModel manifest = new SavedModel(SavedModel.FORMAT, id, spec, store.config(), normaliser, labelNames,
                options.toRecord(), List.of(), -1, new SavedModel.SplitRecord(request.split().method(), trainIds,
                request.split().valid(), request.split().test()), request.dataset(), TorchRuntime.versions(), created);

        Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
        Device device = TorchRuntime.device(options.device());
        TrainingSampler sampler = new TrainingSampler(store, trainIds, trainLabels, labelNames.size(), frames,
                options.maxTracksInMemory());
        sampler.loadEpoch(new Random(options.seed()));
        int steps = options.stepsPerEpoch() > 0 ? options.stepsPerEpoch() : sampler.stepsPerEpoch(options.batchSize());
        Tracker schedule = Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(options.finalLearningRate())
                .setMaxUpdates(Math.max(1, options.epochs() * steps)).build();
        Loss loss = type == EncoderType.CAE ? new ReconstructionLoss(Encoders.reconstructedFrames(spec))
                : new TripletLoss(options.margin(), options.mining());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Adam.builder().optLearningRateTracker(schedule).build())
                .optDevices(new Device[] {device});

        try (Model model = Model.newInstance(id, device)) {
            model.setBlock(Encoders.build(spec));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(options.batchSize(), 1, spec.nMels(), frames));
                List<SavedModel.EpochRecord> history = new ArrayList<>();
                int startEpoch = 0;
                int bestEpoch = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                int stale = 0;
                if (state != null) {
                    ModelFolder.loadParameters(model.getBlock(), out.resolve(CHECKPOINT).resolve("last.params"),
                            trainer.getManager());
                    history.addAll(state.history());
                    startEpoch = state.nextEpoch();
                    bestEpoch = state.bestEpoch();
                    bestScore = state.bestScore();
                    stale = state.epochsWithoutImprovement();
                    listener.note("resuming " + id + " at epoch " + (startEpoch + 1) + " (best so far: epoch "
                            + (bestEpoch + 1) + ")");
                }
                for (int epoch = startEpoch; epoch < options.epochs(); epoch++) {
                    if (stale >= options.patience()) {
                        listener.note("early stop: no better validation accuracy for " + stale + " epochs");
                        break;
                    }
                    long t0 = System.nanoTime();
                    Random random = new Random(options.seed() * 1_000_003L + epoch);
                    sampler.loadEpoch(random);
                    listener.epochStarted(epoch, steps);
                    double lossSum = 0;
                    for (int step = 0; step < steps; step++) {
                        double value = trainStep(trainer, sampler, random, spec, normaliser, options, type);
                        lossSum += value;
                        listener.stepFinished(epoch, step, value);
                    }
                    double score;
                    double accuracy = Double.NaN;
                    if (!request.split().valid().isEmpty() && labelNames.size() >= 2) {
                        accuracy = validate(model, trainer.getManager(), spec, normaliser, labelNames);
                        score = accuracy;
                    } else {
                        score = -lossSum / steps;
                    }
                    double lr = schedule.getNewValue(Math.max(0, (epoch + 1) * steps - 1));
                    SavedModel.EpochRecord record = new SavedModel.EpochRecord(epoch + 1, lossSum / steps, accuracy,
                            (System.nanoTime() - t0) / 1e9, lr);
                    history.add(record);
                    boolean improved = score > bestScore + 1e-9;
                    if (improved) {
                        bestScore = score;
                        bestEpoch = epoch;
                        stale = 0;
                        ModelFolder.save(out, manifest.withProgress(history, bestEpoch + 1), model.getBlock());
                    } else {
                        stale++;
                        Json.write(out.resolve(ModelFolder.MANIFEST), manifest.withProgress(history, bestEpoch + 1));
                    }
                    ModelFolder.saveParameters(out.resolve(CHECKPOINT).resolve("last.params"), model.getBlock());
                    Json.write(out.resolve(CHECKPOINT).resolve("state.json"),
                            new CheckpointState(id, epoch + 1, history, bestEpoch, bestScore, stale));
                    listener.epochFinished(record, improved);
                }
                return manifest.withProgress(history, bestEpoch + 1);
            }
        }
    }

    private static double trainStep(Trainer trainer, TrainingSampler sampler, Random random, EncoderSpec spec,
                                    Normaliser normaliser, TrainingOptions options, EncoderType type) {
        boolean pk = type.usesLabels();
        TrainingSampler.Batch batch = sampler.next(random, options.labelsPerBatch(), options.segmentsPerLabel(), pk,
                options.augment());
        normaliser.apply(batch.data(), batch.size(), spec.frames());
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.create(batch.data(), new Shape(batch.size(), 1, spec.nMels(), spec.frames()));
            NDList labels = type == EncoderType.CAE ? new NDList(x) : new NDList(scope.create(batch.labels()));
            double value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray lossValue = trainer.getLoss().evaluate(labels, predictions);
                collector.backward(lossValue);
                value = lossValue.getFloat();
            }
            trainer.step();
            return value;
        }
    }

    /** k-NN (cosine) accuracy of validation tracks classified by training tracks. */
    private double validate(Model model, NDManager manager, EncoderSpec spec, Normaliser normaliser,
                            List<String> labelNames) throws IOException {
        List<String> reference = request.split().train();
        if (reference.size() > MAX_REFERENCE_TRACKS) {
            List<String> shuffled = new ArrayList<>(reference);
            java.util.Collections.shuffle(shuffled, new Random(0));
            reference = shuffled.subList(0, MAX_REFERENCE_TRACKS);
        }
        List<String> valid = request.split().valid().stream().filter(id -> request.labels().get(id) != null).toList();
        try (TrackEncoder encoder = new TrackEncoder(model.getBlock(), spec, normaliser, manager)) {
            float[][] refVectors = new float[reference.size()][];
            for (int i = 0; i < refVectors.length; i++) {
                refVectors[i] = encoder.embedTrack(request.store().load(reference.get(i)));
            }
            Knn knn = new Knn(refVectors, labelIndices(reference, labelNames), request.options().kNeighbours(), Knn.Metric.COSINE);
            int correct = 0;
            for (String id : valid) {
                int predicted = knn.predict(encoder.embedTrack(request.store().load(id)));
                if (labelNames.get(predicted).equals(request.labels().get(id))) {
                    correct++;
                }
            }
            return valid.isEmpty() ? Double.NaN : correct / (double) valid.size();
        }
    }

    private int[] labelIndices(List<String> ids, List<String> labelNames) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            String label = request.labels().get(ids.get(i));
            out[i] = label == null ? 0 : Math.max(0, labelNames.indexOf(label));
        }
        return out;
    }

    /** Per-band statistics over (up to 500 of) the training tracks. */
    private static Normaliser normaliser(FeatureStore store, List<String> trainIds) throws IOException {
        if (trainIds.isEmpty()) {
            throw new UserError("the split has no training tracks");
        }
        Normaliser.Accumulator acc = new Normaliser.Accumulator(store.config().nMels());
        int step = Math.max(1, trainIds.size() / 500);
        for (int i = 0; i < trainIds.size(); i += step) {
            var spec = store.load(trainIds.get(i));
            acc.add(spec.values(), spec.nMels(), spec.frames());
        }
        return acc.build();
    }

    private static CheckpointState readCheckpoint(Path out, EncoderSpec spec) throws IOException {
        Path state = out.resolve(CHECKPOINT).resolve("state.json");
        if (!Files.isRegularFile(state) || !Files.isRegularFile(out.resolve(CHECKPOINT).resolve("last.params"))) {
            throw new IOException("--resume: " + out + " has no checkpoint to resume from (" + state + " is missing)");
        }
        SavedModel previous = ModelFolder.read(out);
        if (!previous.spec().equals(spec)) {
            throw new IOException("--resume: the checkpoint in " + out + " is a " + previous.spec()
                    + " model, this run asks for " + spec);
        }
        return Json.read(state, CheckpointState.class);
    }
}
