package org.songspace.features;

import java.util.ArrayList;
import java.util.List;
import org.songspace.features.MelSpectrogram;

/**
 * Cuts a track's spectrogram into fixed windows, as the original research trained on 3 s segments of
 * 30 s clips. The default window is 130 frames (3 s at 22050 Hz, hop 512), without overlap.
 *
 * <p>The last partial window is dropped by default, so every segment is real audio. With
 * {@link Remainder#PAD} it is kept and padded with the track's quietest value (its dB floor, i.e. what
 * silence looks like in that track), and a track shorter than one window still gives one segment.
 *
 * @param windowFrames frames per segment (130 = 3 s)
 * @param hopFrames    frames between segment starts (= window: no overlap)
 * @param remainder    what happens to a last window shorter than {@code windowFrames}
 */
public record Segmenter(int windowFrames, int hopFrames, Remainder remainder) {

    /** Policy for a final window that would run past the end of the track. */
    public enum Remainder { DROP, PAD }

    public static final int DEFAULT_WINDOW = 130;

    public Segmenter {
        if (windowFrames <= 0 || hopFrames <= 0) {
            throw new IllegalArgumentException("window and hop must be positive, got " + windowFrames + "/" + hopFrames);
        }
    }

    /** 130-frame (3 s) windows, no overlap, last partial window dropped. */
    public static Segmenter defaults() {
        return new Segmenter(DEFAULT_WINDOW, DEFAULT_WINDOW, Remainder.DROP);
    }

    /** Start frames of the segments of a track with {@code frames} frames. */
    public int[] starts(int frames) {
        List<Integer> starts = new ArrayList<>();
        int s = 0;
        for (; s + windowFrames <= frames; s += hopFrames) {
            starts.add(s);
        }
        if (remainder == Remainder.PAD) {
            boolean uncovered = starts.isEmpty() ? frames > 0 : starts.get(starts.size() - 1) + windowFrames < frames;
            if (uncovered && s < frames) {
                starts.add(s);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Copies the segment starting at {@code start} into {@code out} at {@code offset} as [nMels][window]. */
    public void copy(MelSpectrogram spec, int start, float[] out, int offset) {
        int nMels = spec.nMels();
        int available = Math.max(0, Math.min(windowFrames, spec.frames() - start));
        float floor = 0;
        if (available < windowFrames) {
            floor = Float.POSITIVE_INFINITY;
            for (float v : spec.values()) {
                floor = Math.min(floor, v);
            }
        }
        float[] values = spec.values();
        for (int m = 0; m < nMels; m++) {
            int dst = offset + m * windowFrames;
            System.arraycopy(values, m * spec.frames() + start, out, dst, available);
            if (available < windowFrames) {
                java.util.Arrays.fill(out, dst + available, dst + windowFrames, floor);
            }
        }
    }
}
