package org.songspace.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmenterTest {
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
}
