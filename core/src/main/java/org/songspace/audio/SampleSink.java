package org.songspace.audio;

import java.util.Arrays;

/** A growable float array for decoded samples, pre-sized from the expected length; every decoder collects into one. */
final class SampleSink {
    private float[] data;
    private int size;

    SampleSink(int capacity) {
        data = new float[Math.max(1024, capacity)];
    }

    void append(float[] src, int from, int count) {
        reserve(count);
        System.arraycopy(src, from, data, size, count);
        size += count;
    }

    /** One sample (a decoder's own downmix of a frame). */
    void add(float value) {
        if (size == data.length) {
            reserve(1);
        }
        data[size++] = value;
    }

    private void reserve(int count) {
        if (size + count > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size + (long) count,
                    data.length + (data.length >> 1))));
        }
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }
}
