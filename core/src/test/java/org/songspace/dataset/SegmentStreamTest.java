package org.songspace.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureJob;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.testing.Fixtures;

class SegmentStreamTest {
    @TempDir
    Path tmp;

    @Test
    void windowsDropOrPadTheRemainder() {
        Segmenter drop = new Segmenter(130, 130, Segmenter.Remainder.DROP);
        assertArrayEquals(new int[] {0, 130, 260}, drop.starts(400));
        assertArrayEquals(new int[] {}, drop.starts(100));
        Segmenter pad = new Segmenter(130, 130, Segmenter.Remainder.PAD);
        assertArrayEquals(new int[] {0, 130, 260, 390}, pad.starts(400));
        assertArrayEquals(new int[] {0}, pad.starts(100));
        assertArrayEquals(new int[] {0, 130}, pad.starts(260), "an exact fit needs no padding");
        Segmenter overlap = new Segmenter(130, 65, Segmenter.Remainder.DROP);
        assertArrayEquals(new int[] {0, 65, 130}, overlap.starts(260));
        assertEquals(130, FeatureConfig.librosaDefaults().framesForSeconds(3), "3 s = 130 frames");
    }

    @Test
    void paddingUsesTheTracksFloor() {
        float[] v = new float[2 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = -10 - i;
        }
        MelSpectrogram spec = new MelSpectrogram(2, 3, v, true);
        float[] out = new float[2 * 5];
        new Segmenter(5, 5, Segmenter.Remainder.PAD).copy(spec, 0, out, 0);
        assertArrayEquals(new float[] {-10, -11, -12, -15, -15, -13, -14, -15, -15, -15}, out);
    }

    @Test
    void streamVisitsEverySegmentOnceInBoundedChunks() throws IOException {
        Path audio = tmp.resolve("audio");
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            String label = i % 2 == 0 ? "even" : "odd";
            Fixtures.tone(audio.resolve(label + "/t" + i + ".wav"), 1.5 + 0.5 * i, 200 + 50 * i);
            labels.put(label + "/t" + i, label);
        }
        Path features = tmp.resolve("features");
        FeatureJob.create(FeatureConfig.librosaDefaults(), 2, null).run(audio, features);
        FeatureStore store = FeatureStore.open(features);
        List<String> ids = new ArrayList<>(store.tracks().keySet());
        Segmenter segmenter = new Segmenter(20, 20, Segmenter.Remainder.DROP);
        SegmentStream stream = new SegmentStream(store, ids, labels, List.of("even", "odd"), segmenter, 3);
        int expected = 0;
        for (int c : stream.segmentCounts()) {
            expected += c;
        }
        int[] perTrack = new int[ids.size()];
        int batches = 0;
        for (Iterator<SegmentBatch> it = stream.batches(8, new Random(1)); it.hasNext(); batches++) {
            SegmentBatch b = it.next();
            assertTrue(b.size() <= 8);
            assertEquals(b.size() * 128 * 20, b.data().length);
            for (int i = 0; i < b.size(); i++) {
                String id = ids.get(b.tracks()[i]);
                assertEquals(id.startsWith("even") ? 0 : 1, b.labels()[i]);
                perTrack[b.tracks()[i]]++;
            }
        }
        assertArrayEquals(stream.segmentCounts(), perTrack, "a shuffled pass yields each track's segments once");
        int total = 0;
        for (Iterator<SegmentBatch> it = stream.batches(8, null); it.hasNext(); ) {
            total += it.next().size();
        }
        assertEquals(expected, total, "one pass yields every segment once");
        assertTrue(batches >= expected / 8);

        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        stream.batches(5, new Random(9)).forEachRemaining(b -> first.add(b.tracks()[0]));
        stream.batches(5, new Random(9)).forEachRemaining(b -> second.add(b.tracks()[0]));
        assertEquals(first, second, "the same seed gives the same order");

        SegmentBatch one = stream.trackSegments(6);
        assertEquals(stream.segmentCounts()[6], one.size());
    }
}
