package org.songspace.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Random changes to a raw dB segment [nMels][frames] that should not change what the music is.
 * Light (the label-trained encoders and the autoencoder): a gain of +-6 dB, one time mask (up to 15
 * frames) and one frequency mask (up to 12 bands), each mask with probability 1/2, masked cells taking
 * the segment's mean. Strong (the two views of the contrastive encoder, which has nothing but these
 * changes to tell it what to ignore): the light ones, plus a smooth random equaliser curve (up to about
 * +-6 dB), a pitch shift of up to 2 mel bands and background noise 10-30 dB below the segment's mean
 * level, each with probability 1/2. A tempo change is the sampler's job (it needs more frames).
 * Everything works in dB, where a gain or a filter is an addition.
 */
final class SegmentAugmenter {
    private final boolean strong;

    SegmentAugmenter(boolean strong) {
        this.strong = strong;
    }

    void apply(float[] data, int offset, int nMels, int frames, Random random) {
        int cells = nMels * frames;
        float gain = (float) ((random.nextDouble() * 2 - 1) * 6);
        for (int i = 0; i < cells; i++) {
            data[offset + i] += gain;
        }
        if (strong) {
            if (random.nextBoolean()) {
                equalise(data, offset, nMels, frames, random);
            }
            if (random.nextBoolean()) {
                shiftBands(data, offset, nMels, frames, random.nextInt(5) - 2);
            }
            if (random.nextBoolean()) {
                addNoise(data, offset, cells, 10 + random.nextDouble() * 20);
            }
        }
        float fill = (float) mean(data, offset, cells);
        if (random.nextBoolean()) {
            int width = 1 + random.nextInt(15);
            int t0 = random.nextInt(frames - width + 1);
            for (int m = 0; m < nMels; m++) {
                Arrays.fill(data, offset + m * frames + t0, offset + m * frames + t0 + width, fill);
            }
        }
        if (random.nextBoolean()) {
            int height = 1 + random.nextInt(12);
            int m0 = random.nextInt(nMels - height + 1);
            Arrays.fill(data, offset + m0 * frames, offset + (m0 + height) * frames, fill);
        }
    }

    private static double mean(float[] data, int offset, int cells) {
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            sum += data[offset + i];
        }
        return sum / cells;
    }

    /** A smooth curve over the bands: a tilt and a bump, two half-cosines of random sign and size. */
    private static void equalise(float[] data, int offset, int nMels, int frames, Random random) {
        double tilt = (random.nextDouble() * 2 - 1) * 4;
        double bump = (random.nextDouble() * 2 - 1) * 3;
        for (int m = 0; m < nMels; m++) {
            double x = Math.PI * m / (nMels - 1);
            float delta = (float) (tilt * Math.cos(x) + bump * Math.cos(2 * x));
            int row = offset + m * frames;
            for (int t = 0; t < frames; t++) {
                data[row + t] += delta;
            }
        }
    }

    /** Moves the spectrum up (positive) or down by whole bands, repeating the edge band. */
    static void shiftBands(float[] data, int offset, int nMels, int frames, int shift) {
        if (shift == 0) {
            return;
        }
        float[] copy = Arrays.copyOfRange(data, offset, offset + nMels * frames);
        for (int m = 0; m < nMels; m++) {
            int source = Math.min(nMels - 1, Math.max(0, m - shift));
            System.arraycopy(copy, source * frames, data, offset + m * frames, frames);
        }
    }

    /** Adds a flat noise floor {@code below} dB under the segment's mean level, in power. */
    private static void addNoise(float[] data, int offset, int cells, double below) {
        double floorPower = Math.pow(10, (mean(data, offset, cells) - below) / 10);
        for (int i = 0; i < cells; i++) {
            double power = Math.pow(10, data[offset + i] / 10.0) + floorPower;
            data[offset + i] = (float) (10 * Math.log10(power));
        }
    }
}
