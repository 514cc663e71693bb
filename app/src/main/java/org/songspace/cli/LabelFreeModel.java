package org.songspace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.songspace.dataset.Split;
import org.songspace.dataset.Splitter;
import org.songspace.index.LibraryIndexer;
import org.songspace.io.UserError;
import org.songspace.model.EncoderType;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;
import org.songspace.train.EncoderTrainer;
import org.songspace.train.TrainingOptions;
import org.songspace.train.TrainingRequest;

/**
 * The model {@code index LIBRARY} uses when given none: the index's own model when the index exists (an
 * update must not change models), else the self-supervised contrastive encoder trained on the library
 * itself, with no labels (docs/results.md: on real music with artists unseen in training it beats the
 * autoencoder and the classic timbre model). A tenth of the tracks, whole artists where tags name them,
 * is held out for its label-free stopping score.
 */
final class LabelFreeModel {
    /** Fewer tracks than this are too few to learn from: each batch takes 16 different tracks, twice over. */
    static final int MIN_TRACKS = 32;
    static final double HELD_OUT = 0.1;

    private LabelFreeModel() {
    }

    /** The index's model folder when {@code indexDir} holds an index, else null. */
    static Path existing(Path indexDir) {
        Path model = indexDir.resolve(LibraryIndexer.MODEL_DIR);
        return Files.isRegularFile(model.resolve(ModelFolder.MANIFEST)) ? model : null;
    }

    /** Trains the contrastive encoder on every prepared track into {@code modelDir} and says what it chose. */
    static SavedModel train(PreparedData prepared, Path modelDir, boolean quiet) throws IOException {
        int tracks = prepared.ids().size();
        if (tracks < MIN_TRACKS) {
            throw new UserError("no --model given, and " + prepared.source() + " has " + tracks + " readable tracks: "
                    + "at least " + MIN_TRACKS + " are needed to train the self-supervised model on the library; give "
                    + "--model DIR (a model from train) instead");
        }
        Split split = split(prepared);
        System.out.printf(Locale.ROOT, "index: no --model given: training the self-supervised %s encoder on the "
                        + "library's %d tracks (no labels; %d held out for its stopping score) into %s%n",
                EncoderType.CONTRASTIVE.id(), tracks, split.valid().size(), modelDir);
        TrainingRequest request = new TrainingRequest(prepared.store(), split, java.util.Map.of(), EncoderType.CONTRASTIVE,
                TrainingOptions.defaults(), modelDir, false, prepared.source().toAbsolutePath().normalize().toString());
        long start = System.nanoTime();
        SavedModel saved = new EncoderTrainer(request, quiet ? null : new TrainLog()).run();
        System.out.printf(Locale.ROOT, "index: trained %s in %.1f min (epoch %d kept)%n", saved.id(),
                (System.nanoTime() - start) / 6e10, saved.bestEpoch());
        return saved;
    }

    private static Split split(PreparedData prepared) {
        if (prepared.dataset() != null) {
            Split s = Splitter.leakFree(prepared.dataset(), HELD_OUT, 0, 42);
            return new Split("label-free default: " + s.method(), s.train(), s.valid(), List.of());
        }
        List<String> ids = new ArrayList<>(prepared.ids());
        Collections.shuffle(ids, new Random(42));
        int valid = (int) Math.round(ids.size() * HELD_OUT);
        return new Split("label-free default: random holdout valid=0.10 seed=42", new ArrayList<>(ids.subList(valid, ids.size())),
                new ArrayList<>(ids.subList(0, valid)), List.of());
    }
}
