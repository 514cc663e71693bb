package org.songspace.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.songspace.embed.DescriptorAxes;
import org.songspace.features.FeatureStore;
import org.songspace.io.UserError;
import org.songspace.model.EncoderSpec;
import org.songspace.model.EncoderType;
import org.songspace.model.Encoders;
import org.songspace.model.Normaliser;
import org.songspace.model.SavedModel;
import org.songspace.model.TorchRuntime;

/**
 * Trains one encoder: sets the run up (split, normalisation, model, Adam on a cosine schedule, resume),
 * then hands it to {@link TrainingLoop} with one listener per job: early stopping, the best-model saver,
 * the checkpointer and progress. The monitored score is validation k-NN accuracy where labels and
 * validation tracks exist, else the training loss (a label-free model stops on a label-free score).
 * Afterwards the label-trained encoders get {@link DescriptorAxes} beside their vectors (unless asked not to).
 */
public final class EncoderTrainer {
    /** Crops of each training track per epoch for the label-trained encoders. */
    static final int CROPS_PER_TRACK = 2;

    private final TrainingRequest request;
    private final TrainingListener listener;

    public EncoderTrainer(TrainingRequest request, TrainingListener listener) {
        this.request = new TrainingRequest(request.store(), request.split(), request.labels(), request.type(),
                request.options().resolveEpochs(request.type(), request.split().train().size()), request.outDir(),
                request.resume(), request.dataset(), request.groups());
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
        EncoderSpec spec = EncoderSpec.defaults(type, store.config().nMels(),
                        options.cropFrames(store.config().sampleRate(), store.config().hopLength()))
                .withEmbeddingDim(options.embeddingDim()).withPooling(options.pooling().resolve(type));
        List<String> trainIds = request.split().train();
        CheckpointState resumed = request.resume() ? Checkpointer.read(request.outDir(), spec) : null;
        // Axes from an earlier run in this folder must not sit beside a new encoder; they are refitted at the end.
        DescriptorAxes.remove(request.outDir());
        SavedModel manifest = manifest(spec, normaliser(store, trainIds, options.normalisation().resolve(type)), labelNames, resumed);

        Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
        Device device = TorchRuntime.device(options.device());
        TrainingSampler sampler = new TrainingSampler(store, trainIds, labelIndices(trainIds, labelNames),
                labelNames.size(), spec.frames(), tracksInMemory(options, type, trainIds.size()));
        if (!request.groups().isEmpty()) {
            sampler.sampleAcross(groupIndices(trainIds));
        }
        sampler.loadEpoch(new Random(options.seed()));
        if (sampler.paddedTracks() > 0) {
            listener.note(sampler.paddedTracks() + " training tracks are shorter than one " + spec.frames()
                    + "-frame segment; they are padded with their quietest value");
        }
        // Encoders that learn by contrast see two crops of each track per epoch (measured on emotify-dev,
        // see docs/results.md); the autoencoder about one pass over every segment.
        int steps = options.stepsPerEpoch() > 0 ? options.stepsPerEpoch() : type.learnsByContrast()
                ? sampler.stepsForCrops(options.batchSize(), CROPS_PER_TRACK) : sampler.stepsPerEpoch(options.batchSize());
        // DJL's cosine tracker refuses a final rate equal to the start: that is a constant rate.
        Tracker schedule = options.finalLearningRate() >= options.learningRate() ? Tracker.fixed(options.learningRate())
                : Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(options.finalLearningRate())
                        .setMaxUpdates(Math.max(1, options.epochs() * steps)).build();
        ResumableAdam optimizer = new ResumableAdam(schedule);
        Loss loss = Objectives.loss(type, spec, options);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {device});
        EpochProbe probe = probe(spec, labelNames);

        try (Model model = Model.newInstance(manifest.id(), device)) {
            model.setBlock(Encoders.build(spec));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(options.batchSize(), 1, spec.nMels(), spec.frames()));
                optimizer.bind(model.getBlock());
                TrainingRun run = new TrainingRun(request, manifest, model, trainer, optimizer,
                        monitor(type, probe), options.keep().resolve(type));
                if (resumed != null) {
                    Checkpointer.restore(run, resumed);
                }
                List<EpochListener> listeners = List.of(new EarlyStopping(options.patience()), new BestModelSaver(),
                        new Checkpointer(), new ProgressReporter(listener));
                new TrainingLoop(new StepRunner(sampler, type, options, optimizer), steps, schedule, probe, listener)
                        .run(run, listeners);
                fitDescriptorAxes();
                return run.manifest();
            }
        }
    }

    /**
     * Descriptor axes beside the trained encoder (when the options ask for them), fitted on the tracks the
     * encoder saw or was validated on, never the held-out ones.
     */
    private void fitDescriptorAxes() throws IOException {
        if (!request.options().descriptorAxes().resolve(request.type())) {
            return;
        }
        List<String> ids = new ArrayList<>(request.split().train());
        ids.addAll(request.split().valid());
        var axes = DescriptorAxes.fit(request.store(), ids, request.labels(), request.groups());
        if (axes.isPresent()) {
            axes.get().write(request.outDir());
            listener.note("descriptor axes beside the encoder: " + axes.get().manifest().parts().stream()
                    .map(p -> p.axes() + " between " + p.count() + " " + p.groups()).collect(Collectors.joining(", ")));
        }
    }

    private SavedModel manifest(EncoderSpec spec, Normaliser normaliser, List<String> labelNames, CheckpointState resumed) {
        TrainingOptions options = request.options();
        Instant now = Instant.now();
        String id = resumed != null ? resumed.modelId() : request.type().id() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now) + "-s" + options.seed();
        return new SavedModel(SavedModel.FORMAT, id, spec, request.store().config(), normaliser, labelNames,
                options.toRecord(), List.of(), -1, new SavedModel.SplitRecord(request.split().method(),
                request.split().train(), request.split().valid(), request.split().test()), request.dataset(),
                TorchRuntime.versions(), DateTimeFormatter.ISO_INSTANT.format(now));
    }

    /**
     * The score that decides "better": held-out contrastive loss for the contrastive encoder (labels, when
     * there are any, are only reported), else validation k-NN where there are labels, else the training loss.
     */
    private static Monitor monitor(EncoderType type, EpochProbe probe) {
        if (type == EncoderType.CONTRASTIVE) {
            return probe.measuresContrast() ? Monitor.validContrast() : Monitor.trainLoss();
        }
        return probe.measuresAccuracy() ? Monitor.validKnn() : Monitor.trainLoss();
    }

    /**
     * The per-epoch probe: k-NN validation when there is something to validate on (labelled validation
     * tracks and two labels), the held-out contrastive loss for the contrastive encoder (on every validation
     * track, labelled or not), collapse diagnostics always.
     */
    private EpochProbe probe(EncoderSpec spec, List<String> labelNames) throws IOException {
        List<String> allValid = request.split().valid();
        List<String> valid = allValid.stream().filter(id -> request.labels().get(id) != null).toList();
        List<String> labelled = request.split().train().stream().filter(id -> request.labels().get(id) != null).toList();
        boolean contrast = request.type() == EncoderType.CONTRASTIVE;
        boolean knn = !valid.isEmpty() && labelNames.size() >= 2 && !labelled.isEmpty()
                && (!contrast || valid.size() == allValid.size());
        List<String> reference = knn ? labelled : request.split().train();
        List<String> validIds = contrast ? allValid : knn ? valid : List.of();
        EpochProbe.Scores scores = new EpochProbe.Scores(knn, contrast ? request.options().temperature() : Float.NaN,
                request.options().kNeighbours());
        return EpochProbe.create(request.store(), spec, reference, labelIndices(reference, labelNames), validIds,
                labelIndices(validIds, labelNames), scores, request.options().seed());
    }

    /**
     * Tracks held in memory for an epoch: all of them up to the options' limit; past it, for the contrastive
     * encoder on a fixed number of steps, no more than the two views of its batches can use, so a large
     * library is trained on a fresh sample each epoch and memory does not grow with it.
     */
    private static int tracksInMemory(TrainingOptions options, EncoderType type, int trainTracks) {
        int limit = options.maxTracksInMemory();
        // Reloading a sample every epoch costs seconds; a library that fits is loaded once.
        if (type == EncoderType.CONTRASTIVE && options.stepsPerEpoch() > 0 && trainTracks > limit) {
            limit = Math.min(limit, Math.max(1, options.stepsPerEpoch() * options.batchSize() / 2));
        }
        return Math.min(limit, Math.max(1, trainTracks));
    }

    /** Each track's group as an index; a track with no group is a group of its own. */
    private int[] groupIndices(List<String> ids) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            String group = request.groups().get(ids.get(i));
            out[i] = index.computeIfAbsent(group != null ? "g:" + group : "t:" + ids.get(i), g -> index.size());
        }
        return out;
    }

    private int[] labelIndices(List<String> ids, List<String> labelNames) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            String label = request.labels().get(ids.get(i));
            out[i] = label == null ? 0 : Math.max(0, labelNames.indexOf(label));
        }
        return out;
    }

    /** Statistics over (up to 500 of) the training tracks, per band or global. */
    private static Normaliser normaliser(FeatureStore store, List<String> trainIds, TrainingOptions.Normalisation mode)
            throws IOException {
        if (trainIds.isEmpty()) {
            throw new UserError("the split has no training tracks");
        }
        Normaliser.Accumulator acc = new Normaliser.Accumulator(store.config().nMels());
        int step = Math.max(1, trainIds.size() / 500);
        for (int i = 0; i < trainIds.size(); i += step) {
            var spec = store.load(trainIds.get(i));
            acc.add(spec.values(), spec.nMels(), spec.frames());
        }
        return mode == TrainingOptions.Normalisation.GLOBAL ? acc.buildGlobal() : acc.build();
    }
}
