package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.model.EncoderType;

/** The label-free default's training cost does not grow with the library, and its samples span artists. */
class TrainingBudgetTest {

    @Test
    void theContrastiveBudgetIsTheSameForAThousandAndFiftyThousandTracks() {
        TrainingOptions defaults = TrainingOptions.defaults();
        long thousand = defaults.resolveEpochs(EncoderType.CONTRASTIVE, 1_000).crops(1_000);
        long fiftyThousand = defaults.resolveEpochs(EncoderType.CONTRASTIVE, 50_000).crops(50_000);
        assertEquals(thousand, fiftyThousand);
        assertTrue(Math.abs(thousand - TrainingOptions.CONTRASTIVE_CROPS) < 500, "budget " + thousand);
        // A small library keeps its passes over every track (emotify-dev's 235 training tracks: 60 epochs).
        TrainingOptions small = defaults.resolveEpochs(EncoderType.CONTRASTIVE, 235);
        assertEquals(60, small.epochs());
        assertEquals(0, small.stepsPerEpoch());
        assertEquals(60L * 2 * 235, small.crops(235));
        // What the user asks for wins.
        TrainingOptions asked = TrainingOptions.builder().epochs(5).build().resolveEpochs(EncoderType.CONTRASTIVE, 50_000);
        assertEquals(5L * 2 * 50_000, asked.crops(50_000));
        assertEquals(20, defaults.resolveEpochs(EncoderType.TRIPLET, 50_000).epochs());
    }

    @Test
    void aSampleOfALargeLibraryCoversEveryArtistBeforeRepeatingOne(@TempDir Path dir) throws Exception {
        SyntheticFeatures features = SyntheticFeatures.create(dir, 20, 140, 7);
        List<String> ids = new ArrayList<>(features.store.tracks().keySet());
        // 40 tracks by one prolific artist, then 20 artists with one track each.
        int[] groups = IntStream.range(0, ids.size()).map(i -> i < 40 ? 0 : i - 39).toArray();
        TrainingSampler sampler = new TrainingSampler(features.store, ids, new int[ids.size()], 1, 130, 21);
        sampler.sampleAcross(groups);
        for (int epoch = 0; epoch < 3; epoch++) {
            sampler.loadEpoch(new Random(epoch));
            List<Integer> loaded = sampler.loadedTracks();
            assertEquals(21, loaded.size());
            assertEquals(1, loaded.stream().filter(i -> i < 40).count(), "one track of the prolific artist: " + loaded);
        }
    }
}
