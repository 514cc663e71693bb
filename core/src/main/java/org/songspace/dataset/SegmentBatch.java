package org.songspace.dataset;

/**
 * A batch of segments ready for a model: {@code data} is [size][nMels][frames] row-major.
 *
 * @param labels label index per segment (-1 when unlabeled)
 * @param tracks index of the segment's track in the stream's track list
 */
public record SegmentBatch(float[] data, int size, int nMels, int frames, int[] labels, int[] tracks) {
}
