package org.songspace.features;

/**
 * The classic timbre summary of a track: mean and standard deviation over time of its first MFCCs
 * (DCT-II with orthonormal scaling of the dB mel spectrogram, as {@code librosa.feature.mfcc}).
 * A strong, cheap baseline that learned embeddings have to beat.
 */
public final class SummaryFeatures {
    /** MFCCs kept by default, as librosa's {@code n_mfcc=20}. */
    public static final int DEFAULT_COEFFICIENTS = 20;

    private SummaryFeatures() {
    }

    /** [mean of c0..c(n-1), std of c0..c(n-1)] of a dB spectrogram. */
    public static float[] mfccMeanStd(MelSpectrogram db, int coefficients) {
        if (!db.decibels()) {
            throw new IllegalArgumentException("MFCCs are computed from a dB spectrogram");
        }
        int nMels = db.nMels();
        int frames = db.frames();
        double[][] basis = new double[coefficients][nMels];
        for (int c = 0; c < coefficients; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / nMels);
            for (int m = 0; m < nMels; m++) {
                basis[c][m] = scale * Math.cos(Math.PI * c * (m + 0.5) / nMels);
            }
        }
        double[] sum = new double[coefficients];
        double[] sumSq = new double[coefficients];
        float[] v = db.values();
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
                sum[c] += s;
                sumSq[c] += s * s;
            }
        }
        float[] out = new float[2 * coefficients];
        for (int c = 0; c < coefficients; c++) {
            double mean = sum[c] / frames;
            out[c] = (float) mean;
            out[coefficients + c] = (float) Math.sqrt(Math.max(0, sumSq[c] / frames - mean * mean));
        }
        return out;
    }

    /** The mean dB of each mel band over time: the "raw spectrogram" baseline embedding. */
    public static float[] meanLogMel(MelSpectrogram db) {
        int frames = db.frames();
        float[] out = new float[db.nMels()];
        for (int m = 0; m < db.nMels(); m++) {
            double s = 0;
            for (int t = 0; t < frames; t++) {
                s += db.values()[m * frames + t];
            }
            out[m] = (float) (s / frames);
        }
        return out;
    }

    /** Standardises each column to zero mean and unit variance, in place (constant columns become 0). */
    public static void standardise(float[][] rows) {
        if (rows.length == 0) {
            return;
        }
        int d = rows[0].length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] r : rows) {
                mean += r[j];
            }
            mean /= rows.length;
            double var = 0;
            for (float[] r : rows) {
                var += (r[j] - mean) * (r[j] - mean);
            }
            double sd = Math.sqrt(var / rows.length);
            for (float[] r : rows) {
                r[j] = sd > 1e-12 ? (float) ((r[j] - mean) / sd) : 0f;
            }
        }
    }
}
