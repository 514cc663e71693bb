package org.songspace.features;

/**
 * A mel spectrogram, row-major [nMels][frames] in one array (power or dB, see {@link #decibels}).
 */
public record MelSpectrogram(int nMels, int frames, float[] values, boolean decibels) {

    public MelSpectrogram {
        if (values.length != (long) nMels * frames) {
            throw new IllegalArgumentException("values hold " + values.length + " cells, expected "
                    + nMels + " x " + frames);
        }
    }

    public float get(int mel, int frame) {
        return values[mel * frames + frame];
    }

    /** Frames [from, from + count) as a new spectrogram; used to cut fixed-length segments. */
    public MelSpectrogram slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > frames) {
            throw new IndexOutOfBoundsException("frames [" + from + ", " + (from + count) + ") of " + frames);
        }
        float[] out = new float[nMels * count];
        for (int m = 0; m < nMels; m++) {
            System.arraycopy(values, m * frames + from, out, m * count, count);
        }
        return new MelSpectrogram(nMels, count, out, decibels);
    }
}
