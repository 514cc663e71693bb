package org.songspace.features;

/** MFCCs of a dB mel spectrogram: DCT-II with orthonormal scaling, as {@code librosa.feature.mfcc}. */
public final class Mfcc {
    private Mfcc() {
    }

    /** The DCT rows: {@code basis[c][m]} weighs mel band m in coefficient c. */
    static double[][] basis(int nMels, int coefficients) {
        double[][] basis = new double[coefficients][nMels];
        for (int c = 0; c < coefficients; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / nMels);
            for (int m = 0; m < nMels; m++) {
                basis[c][m] = scale * Math.cos(Math.PI * c * (m + 0.5) / nMels);
            }
        }
        return basis;
    }

    /** The first {@code coefficients} MFCCs of every frame, {@code [frames][coefficients]}. */
    public static double[][] frames(MelSpectrogram db, int coefficients) {
        if (!db.decibels()) {
            throw new IllegalArgumentException("MFCCs are computed from a dB spectrogram");
        }
        int nMels = db.nMels();
        int frames = db.frames();
        double[][] basis = basis(nMels, coefficients);
        float[] v = db.values();
        double[][] out = new double[frames][coefficients];
        double[] column = new double[nMels];
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < nMels; m++) {
                column[m] = v[m * frames + t];
            }
            for (int c = 0; c < coefficients; c++) {
                double s = 0;
                for (int m = 0; m < nMels; m++) {
                    s += basis[c][m] * column[m];
                }
                out[t][c] = s;
            }
        }
        return out;
    }
}
