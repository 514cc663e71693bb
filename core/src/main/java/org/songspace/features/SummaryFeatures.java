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
        double[][] mfcc = Mfcc.frames(db, coefficients);
        double[] sum = new double[coefficients];
        double[] sumSq = new double[coefficients];
        for (double[] frame : mfcc) {
            for (int c = 0; c < coefficients; c++) {
                sum[c] += frame[c];
                sumSq[c] += frame[c] * frame[c];
            }
        }
        int frames = mfcc.length;
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
