package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batches the encoders learn from: P labels x K tracks, or two views of each track. */
class TrainingSamplerTest {

    private static TrainingSampler sampler(SyntheticFeatures f, List<String> ids) throws Exception {
        List<String> names = List.of("drone", "hiss", "pulse");
        int[] labels = ids.stream().mapToInt(id -> names.indexOf(f.labels.get(id))).toArray();
        TrainingSampler s = new TrainingSampler(f.store, ids, labels, names.size(), 130, 1000);
        s.loadEpoch(new Random(1));
        return s;
    }

    @Test
    void labelBatchesHoldPDifferentLabelsOfKTracksEach(@TempDir Path dir) throws Exception {
        SyntheticFeatures f = SyntheticFeatures.create(dir, 6, 140, 2);
        TrainingSampler s = sampler(f, new ArrayList<>(f.store.tracks().keySet()));
        Random random = new Random(4);
        for (int batch = 0; batch < 20; batch++) {
            TrainingSampler.Batch b = s.next(random, 3, 4, TrainingSampler.Mode.LABELS, null);
            assertEquals(12, b.size());
            assertEquals(12 * 128 * 130, b.data().length);
            Set<Integer> slots = new HashSet<>();
            for (int slot = 0; slot < 3; slot++) {
                for (int j = 1; j < 4; j++) {
                    assertEquals(b.labels()[slot * 4], b.labels()[slot * 4 + j], "one label per slot");
                }
                slots.add(b.labels()[slot * 4]);
            }
            assertEquals(3, slots.size(), "the three slots hold the three labels");
        }
    }

    @Test
    void viewBatchesPairTwoCropsOfOneTrackAndNoTrackTwice(@TempDir Path dir) throws Exception {
        SyntheticFeatures f = SyntheticFeatures.create(dir, 6, 400, 3);
        TrainingSampler s = sampler(f, new ArrayList<>(f.store.tracks().keySet()));
        Random random = new Random(5);
        TrainingSampler.Batch b = s.next(random, 4, 4, TrainingSampler.Mode.VIEWS, null);
        Set<Integer> tracks = new HashSet<>();
        int cell = 128 * 130;
        for (int i = 0; i < 16; i += 2) {
            assertEquals(b.labels()[i], b.labels()[i + 1], "a view's positive is the other view of its track");
            tracks.add(b.labels()[i]);
            // Two crops from different places of a 400-frame track are not the same numbers.
            float first = b.data()[i * cell + 7];
            float second = b.data()[(i + 1) * cell + 7];
            assertNotEquals(first + "," + b.data()[i * cell + 300], second + "," + b.data()[(i + 1) * cell + 300]);
        }
        assertEquals(8, tracks.size(), "eight different tracks");
    }
}
