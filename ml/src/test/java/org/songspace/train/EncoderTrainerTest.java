package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.songspace.embed.DescriptorAxes;
import org.songspace.embed.Embedder;
import org.songspace.embed.TrackEmbedder;
import org.songspace.model.EncoderType;
import org.songspace.model.ModelFolder;
import org.songspace.model.Pooling;
import org.songspace.model.SavedModel;

class EncoderTrainerTest {
    @TempDir
    Path tmp;

    private static TrainingOptions quick(int epochs) {
        return TrainingOptions.builder().epochs(epochs).batch(3, 4).stepsPerEpoch(6).seed(5).patience(50).build();
    }

    private SavedModel train(SyntheticFeatures data, EncoderType type, TrainingOptions options, Path out, boolean resume)
            throws IOException {
        return train(data, type, options, out, resume, null);
    }

    private SavedModel train(SyntheticFeatures data, EncoderType type, TrainingOptions options, Path out, boolean resume,
                             TrainingListener listener) throws IOException {
        return new EncoderTrainer(new TrainingRequest(data.store, data.split, data.labels, type, options, out, resume,
                "synthetic"), listener).run();
    }

    /**
     * The 1-based epoch with the best score: the first highest validation accuracy averaged over the epoch
     * and the two before it, or the first lowest loss.
     */
    private static int expectedBestEpoch(List<SavedModel.EpochRecord> history, boolean byAccuracy) {
        return expectedBestEpoch(history, byAccuracy ? Monitor.validKnn() : Monitor.trainLoss());
    }

    /**
     * The first epoch with the best score under {@code monitor}, scored by the real {@link Monitor}
     * (whose arithmetic {@link MonitorTest} checks against hand-worked figures).
     */
    private static int expectedBestEpoch(List<SavedModel.EpochRecord> history, Monitor monitor) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.size(); i++) {
            double score = monitor.score(history.subList(0, i + 1));
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = i;
            }
        }
        return best + 1;
    }

    /** The epoch the default keep policy saves: the last for the label encoders, else the best by the monitor. */
    private static int expectedDefaultEpoch(EncoderType type, List<SavedModel.EpochRecord> history) {
        if (type.usesLabels()) {
            return history.size();
        }
        if (type == EncoderType.CONTRASTIVE) {
            // Clips of about one segment have no two segments to contrast: the training loss decides.
            boolean heldOut = history.get(0).metrics().containsKey(Monitor.VALID_CONTRAST);
            return expectedBestEpoch(history, heldOut ? Monitor.validContrast() : Monitor.trainLoss());
        }
        return expectedBestEpoch(history, true);
    }

    @ParameterizedTest
    @EnumSource(EncoderType.class)
    void lossDecreasesOnATinyDataset(EncoderType type) throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 6, 140, 1);
        SavedModel model = train(data, type, quick(4), tmp.resolve("model"), false);
        List<SavedModel.EpochRecord> h = model.history();
        assertEquals(4, h.size());
        assertTrue(h.get(3).loss() < h.get(0).loss(), type + " loss " + h.get(0).loss() + " -> " + h.get(3).loss());
        // The label encoders keep their last epoch by default; the autoencoder its best validation epoch, the
        // contrastive encoder its best held-out contrastive loss (labels are only reported).
        assertEquals(expectedDefaultEpoch(type, h), model.bestEpoch(), "the saved epoch: " + h);
        SavedModel best = train(data, type, quick(4).toBuilder().keep(TrainingOptions.Keep.BEST).build(),
                tmp.resolve("best"), false);
        int expectedBest = type == EncoderType.CONTRASTIVE ? expectedDefaultEpoch(type, best.history())
                : expectedBestEpoch(best.history(), true);
        assertEquals(expectedBest, best.bestEpoch(), "keep best: " + best.history());
        assertTrue(h.stream().allMatch(r -> r.validationSeconds() > 0 && r.validationSeconds() < r.seconds()));
        assertTrue(Files.isRegularFile(tmp.resolve("model/model.json")));
        assertTrue(Files.isRegularFile(tmp.resolve("model/parameters.bin")));
    }

    /**
     * Triplet and CRNN runs are bit-reproducible here. The CAE is not (its epoch-1 loss differs in the
     * fourth digit between runs): some libtorch kernel on its decoder path sums in a thread-dependent
     * order; replacing repeat-based upsampling by a broadcast did not change that.
     */
    @ParameterizedTest
    @EnumSource(value = EncoderType.class, names = {"TRIPLET", "CRNN"})
    void theSameSeedGivesTheSameRun(EncoderType type) throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 6);
        SavedModel a = train(data, type, quick(2), tmp.resolve("a"), false);
        SavedModel b = train(data, type, quick(2), tmp.resolve("b"), false);
        for (int i = 0; i < 2; i++) {
            assertEquals(a.history().get(i).loss(), b.history().get(i).loss(), 1e-6, "epoch " + (i + 1) + " loss");
            assertEquals(a.history().get(i).validAccuracy(), b.history().get(i).validAccuracy(), 0);
        }
        try (Embedder ea = Embedder.open(tmp.resolve("a")); Embedder eb = Embedder.open(tmp.resolve("b"))) {
            assertArrayEquals(ea.embed(data.store.load("hiss/t0")), eb.embed(data.store.load("hiss/t0")), 1e-5f);
        }
    }

    @Test
    void savedModelLoadsAndEmbedsIdenticallyEveryTime() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 2);
        Path out = tmp.resolve("model");
        train(data, EncoderType.TRIPLET, quick(2), out, false);
        float[] first;
        try (Embedder embedder = Embedder.open(out)) {
            first = embedder.embed(data.store.load("pulse/t1"));
            assertEquals(128 + 2, first.length, "the encoder's 128 and the descriptor axes between 3 labels");
            double norm = 0;
            for (float v : first) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-4);
        }
        try (Embedder again = Embedder.open(out)) {
            assertArrayEquals(first, again.embed(data.store.load("pulse/t1")), 0f);
            float[] other = again.embed(data.store.load("drone/t1"));
            assertTrue(!Arrays.equals(first, other));
        }
    }

    @Test
    void cropLengthPoolingAndMixupReachTheModelAndItsEmbeddings() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 400, 2);
        Path out = tmp.resolve("model");
        TrainingOptions options = quick(1).toBuilder().cropSeconds(6f).pooling(TrainingOptions.PoolingChoice.MAX).mixup(0.5f)
                .build();
        SavedModel saved = train(data, EncoderType.TRIPLET, options, out, false);
        // 6 s at 22,050 Hz and hop 512 is 258.4 frames, rounded up as 3 s gives the usual 130.
        assertEquals(259, saved.spec().frames());
        assertEquals(130, TrainingOptions.defaults().cropFrames(22050, 512));
        assertEquals(Pooling.MAX, saved.spec().pooling());
        assertEquals(6.0, saved.training().cropSeconds(), 1e-6);
        assertEquals("max", saved.training().pooling());
        assertEquals(0.5, saved.training().mixup(), 1e-6);
        assertTrue(Double.isFinite(saved.history().get(0).loss()), "a run with mixup trains");
        float[] first = embedPulse(out, data);
        assertEquals(128 + 2, first.length, "the encoder's 128 and the descriptor axes between 3 labels");
        assertArrayEquals(first, embedPulse(out, data), 0f, "the model folder opened again embeds the same");
    }

    @Test
    void theLabelTrainedEncodersGetDescriptorAxesBesideTheirVectorsByDefault() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 2);
        Path out = tmp.resolve("model");
        List<String> notes = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        SavedModel saved = train(data, EncoderType.TRIPLET, quick(1), out, false, listener);
        assertEquals("auto", saved.training().descriptorAxes());
        assertTrue(Files.isRegularFile(out.resolve(DescriptorAxes.MANIFEST)));
        assertTrue(notes.contains("descriptor axes beside the encoder: 2 between 3 labels"), notes.toString());
        try (Embedder embedder = Embedder.open(out)) {
            assertEquals(130, embedder.dimension());
            float[] v = embedder.embed(data.store.load("pulse/t1"));
            assertEquals(130, v.length);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4);
            assertArrayEquals(v, embedder.embedAll(List.of(data.store.load("pulse/t1"))).get(0), 1e-6f, "batched alike");
        }
        TrackEmbedder.Info info = TrackEmbedder.info(out);
        assertEquals(130, info.dimension());
        assertTrue(info.files().containsAll(List.of(DescriptorAxes.MANIFEST, "descriptor-labels.npy")), info.files().toString());
        assertArrayEquals(embedPulse(out, data), embedPulse(out, data), 0f);

        // Retrained in the same folder without them: no stale axes stay beside the new encoder.
        train(data, EncoderType.TRIPLET, quick(1).toBuilder().descriptorAxes(TrainingOptions.DescriptorChoice.NO).build(),
                out, false);
        assertFalse(Files.exists(out.resolve(DescriptorAxes.MANIFEST)));
        assertFalse(Files.exists(out.resolve("descriptor-labels.npy")));
        assertEquals(128, embedPulse(out, data).length);

        Path crnn = tmp.resolve("crnn");
        train(data, EncoderType.CRNN, quick(1), crnn, false);
        assertEquals(130, embedPulse(crnn, data).length, "the crnn gets them by default too");
        Path cae = tmp.resolve("cae");
        train(data, EncoderType.CAE, quick(1).toBuilder().descriptorAxes(TrainingOptions.DescriptorChoice.YES).build(),
                cae, false);
        assertFalse(Files.exists(cae.resolve(DescriptorAxes.MANIFEST)), "an encoder without labels never gets them");
    }

    /** A fixed track embedded by the model folder {@code out}, opened afresh. */
    private static float[] embedPulse(Path out, SyntheticFeatures data) throws IOException {
        try (Embedder embedder = Embedder.open(out)) {
            return embedder.embed(data.store.load("pulse/t1"));
        }
    }

    @Test
    void aModelJsonWrittenBeforePoolingWasAChoiceReadsAsAveragePooling() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 2);
        Path out = tmp.resolve("model");
        train(data, EncoderType.CRNN, quick(1), out, false);
        float[] before = embedPulse(out, data);
        Path manifest = out.resolve(ModelFolder.MANIFEST);
        String json = Files.readString(manifest);
        String old = json.replaceAll(",\\s*\"pooling\"\\s*:\\s*\"[A-Za-z_]+\"", "");
        assertTrue(old.length() < json.length() && !old.contains("\"pooling\""), "the test removes every pooling field");
        Files.writeString(manifest, old);
        SavedModel read = ModelFolder.read(out);
        assertEquals(Pooling.AVERAGE, read.spec().pooling());
        assertArrayEquals(before, embedPulse(out, data), 0f);
    }

    @Test
    void resumeContinuesFromTheSavedEpoch() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 3);
        Path out = tmp.resolve("model");
        SavedModel two = train(data, EncoderType.CRNN, quick(2), out, false);
        assertEquals(2, two.history().size());
        SavedModel four = train(data, EncoderType.CRNN, quick(4), out, true);
        assertEquals(4, four.history().size());
        assertEquals(List.of(1, 2, 3, 4), four.history().stream().map(SavedModel.EpochRecord::epoch).toList());
        assertEquals(two.history().get(0), four.history().get(0), "the resumed run keeps the history it continues");
        assertEquals(two.id(), four.id());
        IOException wrong = assertThrows(IOException.class, () -> train(data, EncoderType.TRIPLET, quick(4), out, true));
        assertTrue(wrong.getMessage().contains("checkpoint"), wrong.getMessage());
    }

    @Test
    void aKilledRunResumesExactlyWhereItsCheckpointWas() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 5, 140, 8);
        SavedModel straight = train(data, EncoderType.TRIPLET, quick(4), tmp.resolve("straight"), false);
        Path killed = tmp.resolve("killed");
        TrainingListener killAfterTwo = new TrainingListener() {
            @Override
            public void epochFinished(SavedModel.EpochRecord record, boolean improved) {
                if (record.epoch() == 2) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> train(data, EncoderType.TRIPLET, quick(4), killed, false, killAfterTwo));
        SavedModel resumed = train(data, EncoderType.TRIPLET, quick(4), killed, true);
        assertEquals(4, resumed.history().size());
        for (int i = 0; i < 4; i++) {
            // Same parameters, Adam moments and schedule position: the continued epochs are the same epochs.
            assertEquals(straight.history().get(i).loss(), resumed.history().get(i).loss(), 1e-6, "epoch " + (i + 1));
            assertEquals(straight.history().get(i).validAccuracy(), resumed.history().get(i).validAccuracy(), 0);
        }
    }

    @Test
    void withoutLabelsTheCaeStopsOnItsTrainingLossAndShortTracksArePadded() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 3, 100, 9);
        List<String> notes = new java.util.ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        SavedModel model = new EncoderTrainer(new TrainingRequest(data.store, data.split, Map.of(), EncoderType.CAE,
                quick(3), tmp.resolve("cae"), false, "synthetic"), log).run();
        assertEquals(3, model.history().size());
        assertTrue(model.history().stream().allMatch(r -> Double.isNaN(r.validAccuracy())), "no labels, no k-NN");
        assertEquals(expectedBestEpoch(model.history(), false), model.bestEpoch(), "best = lowest training loss");
        assertTrue(notes.stream().anyMatch(n -> n.contains("shorter than one 130-frame segment")), notes.toString());
    }

    /**
     * Collapse (every track mapped to almost the same vector) is what a triplet or CRNN model reaches when
     * its loss sits at the margin; on a small labelled set the defaults must keep the embeddings apart, and
     * every epoch must record the diagnostics that show it.
     */
    @ParameterizedTest
    @EnumSource(value = EncoderType.class, names = {"TRIPLET", "CRNN"})
    void theEmbeddingsDoNotCollapse(EncoderType type) throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 6, 200, 11);
        TrainingOptions options = TrainingOptions.builder().epochs(3).batch(3, 4).stepsPerEpoch(6).seed(3)
                .patience(50).build();
        SavedModel model = train(data, type, options, tmp.resolve("model"), false);
        for (SavedModel.EpochRecord r : model.history()) {
            System.out.printf(java.util.Locale.ROOT, "%s epoch %d: loss %.4f cos %.4f rank %.2f active %.2f knn %.3f%n",
                    type, r.epoch(), r.loss(), r.metrics().get(Monitor.MEAN_COSINE), r.metrics().get(Monitor.EFFECTIVE_RANK),
                    r.metrics().get(Monitor.ACTIVE_TRIPLETS), r.validAccuracy());
            assertTrue(r.metrics().containsKey(Monitor.MEAN_COSINE) && r.metrics().containsKey(Monitor.EFFECTIVE_RANK),
                    r.metrics().toString());
        }
        SavedModel.EpochRecord last = model.history().get(model.history().size() - 1);
        assertFalse(new org.songspace.vectors.EmbeddingDiagnostics(last.metrics().get(Monitor.MEAN_COSINE),
                last.metrics().get(Monitor.EFFECTIVE_RANK)).collapsed(), type + " collapsed: " + last.metrics());
        // The triplet objective also records how many anchors still had an active triplet.
        SavedModel triplet = train(data, type, options.toBuilder().objective(TrainingOptions.Objective.TRIPLET).epochs(1)
                .build(), tmp.resolve("triplet"), false);
        double active = triplet.history().get(0).metrics().get(Monitor.ACTIVE_TRIPLETS);
        assertTrue(active >= 0 && active <= 1, "active triplets " + active);
    }

    /**
     * The self-supervised encoder on a library with no labels at all: it trains, records its label-free
     * stopping score every epoch, and keeps different tracks apart (two tracks of one style are different
     * recordings here, so nothing but the audio separates them).
     */
    @Test
    void theContrastiveEncoderLearnsWithoutLabelsAndDoesNotCollapse() throws IOException {
        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 6, 400, 13);
        TrainingOptions options = TrainingOptions.builder().epochs(4).batch(4, 4).stepsPerEpoch(6).seed(3)
                .patience(50).build();
        SavedModel model = new EncoderTrainer(new TrainingRequest(data.store, data.split, Map.of(),
                EncoderType.CONTRASTIVE, options, tmp.resolve("model"), false, "synthetic"), null).run();
        for (SavedModel.EpochRecord r : model.history()) {
            System.out.printf(java.util.Locale.ROOT, "contrastive epoch %d: loss %.4f held-out %.4f cos %.4f rank %.2f%n",
                    r.epoch(), r.loss(), r.metrics().get(Monitor.VALID_CONTRAST), r.metrics().get(Monitor.MEAN_COSINE),
                    r.metrics().get(Monitor.EFFECTIVE_RANK));
            assertTrue(r.metrics().get(Monitor.VALID_CONTRAST) > 0, r.metrics().toString());
            assertTrue(Double.isNaN(r.validAccuracy()), "no labels, no k-NN: " + r.metrics());
        }
        assertEquals(expectedBestEpoch(model.history(), Monitor.validContrast()), model.bestEpoch());
        SavedModel.EpochRecord last = model.history().get(model.history().size() - 1);
        assertTrue(last.loss() < model.history().get(0).loss(), "training loss falls: " + model.history());
        double cosine = last.metrics().get(Monitor.MEAN_COSINE);
        double rank = last.metrics().get(Monitor.EFFECTIVE_RANK);
        assertTrue(cosine < 0.8, "tracks stay apart, mean pairwise cosine " + cosine);
        assertTrue(rank > 3, "embedding matrix of high rank, effective rank " + rank);
        try (Embedder embedder = Embedder.open(tmp.resolve("model"))) {
            assertEquals(128, embedder.embed(data.store.load("drone/t0")).length, "the projection head is not the embedding");
        }
    }

    @Test
    void corruptOrMismatchedModelFoldersAreNamed() throws IOException {
        IOException none = assertThrows(IOException.class, () -> Embedder.open(tmp.resolve("nothing")));
        assertTrue(none.getMessage().contains("nothing"), none.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IOException noManifest = assertThrows(IOException.class, () -> Embedder.open(empty));
        assertTrue(noManifest.getMessage().contains("no model.json"), noManifest.getMessage());

        SyntheticFeatures data = SyntheticFeatures.create(tmp.resolve("features"), 4, 140, 4);
        Path out = tmp.resolve("model");
        train(data, EncoderType.TRIPLET, quick(1), out, false);
        Path params = out.resolve(ModelFolder.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length / 3));
        IOException truncated = assertThrows(IOException.class, () -> Embedder.open(out));
        assertTrue(truncated.getMessage().contains("does not match the architecture"), truncated.getMessage());

        Files.write(params, bytes);
        String json = Files.readString(out.resolve(ModelFolder.MANIFEST));
        Files.writeString(out.resolve(ModelFolder.MANIFEST), json.replace("\"embeddingDim\" : 128", "\"embeddingDim\" : 64"));
        IOException mismatch = assertThrows(IOException.class, () -> Embedder.open(out));
        assertTrue(mismatch.getMessage().contains("does not match the architecture"), mismatch.getMessage());

        Files.writeString(out.resolve(ModelFolder.MANIFEST), "{ not json");
        IOException corrupt = assertThrows(IOException.class, () -> Embedder.open(out));
        assertTrue(corrupt.getMessage().contains("model.json"), corrupt.getMessage());
    }

    @Test
    void runtimeIsOfflineAndUsesTheBundledLibtorch() {
        org.songspace.model.TorchRuntime.configure();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(org.songspace.model.TorchRuntime.versions().get("engine").contains("2.7.1"),
                org.songspace.model.TorchRuntime.versions().toString());
    }
}
