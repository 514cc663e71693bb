package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.Split;
import org.songspace.dataset.SplitFiles;
import org.songspace.dataset.Splitter;
import org.songspace.embed.TagModel;
import org.songspace.embed.TimbreModel;
import org.songspace.io.UserError;
import org.songspace.model.ComputeDevice;
import org.songspace.model.EncoderType;
import org.songspace.model.SavedModel;
import org.songspace.train.EncoderTrainer;
import org.songspace.train.TrainingOptions;
import org.songspace.train.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an encoder on log-mel segments (3 s unless --crop-seconds) and save it as a model folder: triplet or crnn learn from "
                + "labels; cae and contrastive (self-supervised: two views of each track) need none.",
            "DATA is an audio collection in any layout (features are computed into the cache on first use) or a "
                + "features folder. Without --split, a track-level split is made (group-aware when artists are known) "
                + "and saved in OUT/split/. Every epoch prints validation k-NN accuracy and collapse diagnostics "
                + "(mean pairwise cosine, effective rank); triplet and crnn keep their last epoch, cae its best "
                + "training loss or validation score, contrastive its best held-out contrastive loss (--keep). OUT/model.json + OUT/parameters.bin are all that embed needs."},
        footer = {"", "Example:", "  ./songspace train --model triplet demo-corpus --out models/triplet --epochs 20 --seed 1",
            "  ./songspace train --model contrastive ~/Music --out models/mine",
            "  ./songspace train --model tags ~/Music --out models/tags"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "TYPE",
            description = "cae, triplet, crnn, contrastive, timbre (the classic timbre model: nothing to learn, its "
                    + "per-track Gaussians are computed and saved in seconds) or tags (a discriminant between DATA's "
                    + "artists, from the files' artist tags, fitted in seconds).")
    String model;

    @Parameters(index = "0", paramLabel = "DATA", description = "Audio collection (folder or CSV manifest) or features folder.")
    Path data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL_DIR", description = "Model folder to write.")
    Path out;

    @Option(names = "--split", paramLabel = "DIR[:NAME]",
            description = "Use split lists DIR/{train,valid,test}[_NAME].txt (e.g. ../shared/data/gtzan-splits:filtered).")
    String split;

    @Option(names = "--valid", defaultValue = "0.15", description = "Validation share of a made split (default: ${DEFAULT-VALUE}).")
    double valid;

    @Option(names = "--test", defaultValue = "0.15", description = "Test share of a made split (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    ComputeDevice device;

    @Option(names = "--resume", description = "Continue the run saved in MODEL_DIR/checkpoint.")
    boolean resume;

    @Mixin
    TrainingFlags training = new TrainingFlags();

    @Mixin
    FeatureOptions featureOptions = new FeatureOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        if (model.strip().equalsIgnoreCase("timbre") || model.strip().equalsIgnoreCase("tags")) {
            return withoutTraining(model.strip().equalsIgnoreCase("tags"));
        }
        EncoderType type = EncoderType.parse(model);
        if (Files.exists(out) && !resume && Files.exists(out.resolve("checkpoint/state.json"))) {
            throw new UserError(out + " already holds a training run: use --resume to continue it, "
                    + "or another --out");
        }
        PreparedData prepared = PreparedData.prepare(data, dataOptions.layout, dataOptions.features, featureOptions.toConfig(), dataOptions.quiet, false,
                dataOptions.excerpt(0));
        Dataset ds = prepared.readable();
        if (type.usesLabels()) {
            ds.requireLabels("train --model " + type.id());
        }
        Split chosen = chooseSplit(ds);
        SplitFiles.write(chosen, ds, out.resolve("split"));
        TrainingOptions options = training.toBuilder().device(device).build();
        System.out.printf(Locale.ROOT, "train %s: %d train / %d valid / %d test tracks (%s), batch %d, up to %d epochs%n", type.id(),
                chosen.train().size(), chosen.valid().size(), chosen.test().size(), chosen.method(), options.batchSize(),
                options.resolveEpochs(type, chosen.train().size()).epochs());
        TrainingRequest request = new TrainingRequest(prepared.store(), chosen, prepared.labels(), type, options, out,
                resume, prepared.source().toAbsolutePath().normalize().toString(), prepared.artists());
        long start = System.nanoTime();
        SavedModel saved = new EncoderTrainer(request, dataOptions.quiet ? new TrainLog() : new TrainProgress()).run();
        SavedModel.EpochRecord best = saved.bestEpoch() > 0 ? saved.history().get(saved.bestEpoch() - 1) : null;
        System.out.printf(Locale.ROOT, "trained %s in %.1f min: best epoch %d, validation k-NN accuracy %s -> %s%n", saved.id(),
                (System.nanoTime() - start) / 6e10, saved.bestEpoch(),
                best == null || Double.isNaN(best.validAccuracy()) ? "n/a" : String.format(Locale.ROOT, "%.3f", best.validAccuracy()), out);
        return 0;
    }

    /**
     * The timbre model (every track's Gaussian and the library's search statistics) or the tag model (a
     * discriminant between DATA's artists), saved as a model folder.
     */
    private int withoutTraining(boolean tags) throws java.io.IOException {
        if (org.songspace.embed.TrackEmbedder.isModel(out)) {
            throw new UserError(out + " already holds a model: choose another --out");
        }
        PreparedData prepared = PreparedData.prepare(data, dataOptions.layout, dataOptions.features, featureOptions.toConfig(),
                dataOptions.quiet, false, dataOptions.excerpt(0));
        long start = System.nanoTime();
        String library = prepared.source().toAbsolutePath().normalize().toString();
        if (tags) {
            TagModel.Manifest m = TagModel.build(prepared.store(), prepared.ids(), prepared.artists(), out, library);
            System.out.printf(Locale.ROOT, "trained %s: %d dimensions telling %d artists apart, from %d tagged tracks, in "
                    + "%.1f s -> %s%n", m.id(), m.dimension(), m.artists(), m.tracks(), (System.nanoTime() - start) / 1e9, out);
            return 0;
        }
        TimbreModel.Manifest m = TimbreModel.build(prepared.store(), prepared.ids(), out, library);
        System.out.printf(Locale.ROOT, "trained %s: Gaussians of %d MFCCs for %d tracks in %.1f s -> %s%n", m.id(),
                m.coefficients(), m.tracks(), (System.nanoTime() - start) / 1e9, out);
        return 0;
    }

    private Split chooseSplit(Dataset ds) throws java.io.IOException {
        if (split != null) {
            SplitFiles.Loaded loaded = SplitFiles.read(split, ds);
            if (loaded.missing() > 0) {
                System.err.println("split: " + loaded.missing() + " listed tracks are not in " + ds.root() + " (skipped)");
            }
            return loaded.split();
        }
        return Splitter.leakFree(ds, valid, test, training.seed);
    }
}
