package org.songspace.features;

/**
 * librosa's {@code filters.mel} with {@code htk=False, norm='slaney'}: triangular filters equally
 * spaced on the Slaney mel scale (linear below 1 kHz, logarithmic above), each scaled to unit area.
 * Only each filter's non-zero span is stored, since a 128 x 1025 matrix is ~97 % zeros.
 */
public final class MelFilterbank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int nMels;
    private final int nBins;
    private final int[] start;
    private final float[][] weights;

    private MelFilterbank(int nMels, int nBins, int[] start, float[][] weights) {
        this.nMels = nMels;
        this.nBins = nBins;
        this.start = start;
        this.weights = weights;
    }

    /** Builds the filterbank for a configuration. Weights are rounded to float32, as librosa's are. */
    public static MelFilterbank of(FeatureConfig config) {
        int nBins = config.nFft() / 2 + 1;
        int nMels = config.nMels();
        double[] fftFreqs = new double[nBins];
        for (int k = 0; k < nBins; k++) {
            fftFreqs[k] = k * (config.sampleRate() / 2.0) / (nBins - 1);
        }
        double minMel = hzToMel(config.fMin());
        double maxMel = hzToMel(config.fMax());
        double[] melF = new double[nMels + 2];
        for (int i = 0; i < melF.length; i++) {
            melF[i] = melToHz(minMel + (maxMel - minMel) * i / (melF.length - 1));
        }
        int[] start = new int[nMels];
        float[][] weights = new float[nMels][];
        for (int m = 0; m < nMels; m++) {
            double lowerWidth = melF[m + 1] - melF[m];
            double upperWidth = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            float[] row = new float[nBins];
            int first = -1;
            int last = -1;
            for (int k = 0; k < nBins; k++) {
                double lower = -(melF[m] - fftFreqs[k]) / lowerWidth;
                double upper = (melF[m + 2] - fftFreqs[k]) / upperWidth;
                double w = Math.max(0, Math.min(lower, upper));
                row[k] = (float) ((float) w * enorm);
                if (row[k] != 0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                // An empty filter (too many mels for n_fft): librosa warns and keeps a zero row.
                start[m] = 0;
                weights[m] = new float[0];
            } else {
                start[m] = first;
                weights[m] = java.util.Arrays.copyOfRange(row, first, last + 1);
            }
        }
        return new MelFilterbank(nMels, nBins, start, weights);
    }

    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    public int nMels() {
        return nMels;
    }

    public int nBins() {
        return nBins;
    }

    /**
     * Band {@code m} over {@code count} frames at once: {@code out[f] = sum_i w[i] power[start + i][f]},
     * with {@code power} bin-major (one row of frames per frequency bin).
     */
    void apply(int m, float[][] power, float[] out, int count) {
        float[] w = weights[m];
        int s = start[m];
        java.util.Arrays.fill(out, 0, count, 0f);
        for (int i = 0; i < w.length; i++) {
            float c = w[i];
            float[] row = power[s + i];
            for (int f = 0; f < count; f++) {
                out[f] = Math.fma(c, row[f], out[f]);
            }
        }
    }

    /** The dense [nMels][nBins] matrix, for inspection and tests. */
    public float[][] toDense() {
        float[][] dense = new float[nMels][nBins];
        for (int m = 0; m < nMels; m++) {
            System.arraycopy(weights[m], 0, dense[m], start[m], weights[m].length);
        }
        return dense;
    }
}
