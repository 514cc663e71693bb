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
}
