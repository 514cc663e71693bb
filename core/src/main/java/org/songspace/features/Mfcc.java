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
        double[][] byCoefficient = byCoefficient(db, coefficients);
        int frames = db.frames();
        double[][] out = new double[frames][coefficients];
        for (int c = 0; c < coefficients; c++) {
            double[] row = byCoefficient[c];
            for (int t = 0; t < frames; t++) {
                out[t][c] = row[t];
            }
        }
        return out;
    }

    /** The first {@code coefficients} MFCCs as rows over time, {@code [coefficients][frames]}. */
    public static double[][] byCoefficient(MelSpectrogram db, int coefficients) {
        if (!db.decibels()) {
            throw new IllegalArgumentException("MFCCs are computed from a dB spectrogram");
        }
        int nMels = db.nMels();
        int frames = db.frames();
        double[][] basis = basis(nMels, coefficients);
        float[] v = db.values();
        // Coefficient by coefficient over whole mel rows: the inner loop runs along contiguous memory (and
        // vectorises), where gathering each frame's column strode across the array (3.5 -> 1.5 ms for a 30 s excerpt).
        double[][] byCoefficient = new double[coefficients][frames];
        for (int c = 0; c < coefficients; c++) {
            double[] row = byCoefficient[c];
            for (int m = 0; m < nMels; m++) {
                double weight = basis[c][m];
                int offset = m * frames;
                for (int t = 0; t < frames; t++) {
                    row[t] += weight * v[offset + t];
                }
            }
        }
        return byCoefficient;
    }
}
