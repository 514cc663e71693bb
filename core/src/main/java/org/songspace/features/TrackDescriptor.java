package org.songspace.features;

/**
 * A fixed-length summary of one track's dB log-mel for a linear model to weigh: the spectral envelope (each
 * mel band's mean and spread), the timbre Gaussian's numbers (25 MFCCs' means, spreads and covariances),
 * how fast things change (spectral flux, each band's mean absolute step, the MFCC deltas' spread) and the
 * spectral contrast (peak against valley in eight band groups). Nothing here is learned; the tag model
 * ({@code TagModel}) learns which directions of it tell artists apart.
 */
public final class TrackDescriptor {
    /** MFCCs summarised, as the timbre model uses. */
    public static final int COEFFICIENTS = 25;
    /** Band groups of the spectral contrast. */
    static final int CONTRAST_GROUPS = 8;

    private TrackDescriptor() {
    }

    /** The descriptor's length for {@code nMels} bands. */
    public static int length(int nMels) {
        int c = COEFFICIENTS;
        return 2 * nMels + 2 * c + c * (c - 1) / 2 + 2 + nMels + 2 * c + 2 * CONTRAST_GROUPS;
    }

    /** The descriptor of a dB mel spectrogram (a single frame gives zeros where change is measured, no frame zeros). */
    public static float[] of(MelSpectrogram db) {
        if (!db.decibels()) {
            throw new IllegalArgumentException("a track descriptor is computed from a dB spectrogram");
        }
        float[] out = new float[length(db.nMels())];
        if (db.frames() == 0) {
            return out;
        }
        int at = envelope(db, out, 0);
        double[][] mfcc = Mfcc.byCoefficient(db, COEFFICIENTS);
        at = timbre(mfcc, out, at);
        at = change(db, out, at);
        at = deltas(mfcc, out, at);
        contrast(db, out, at);
        return out;
    }

    private static int envelope(MelSpectrogram db, float[] out, int at) {
        int n = db.nMels();
        int frames = db.frames();
        float[] v = db.values();
        for (int m = 0; m < n; m++) {
            double s = 0;
            double ss = 0;
            for (int t = 0; t < frames; t++) {
                double x = v[m * frames + t];
                s += x;
                ss += x * x;
            }
            double mean = s / frames;
            out[at + m] = (float) mean;
            out[at + n + m] = (float) Math.sqrt(Math.max(0, ss / frames - mean * mean));
        }
        return at + 2 * n;
    }

    /** Means, spreads and the off-diagonal covariances (sample covariance) of the MFCC rows {@code [c][frames]}. */
    private static int timbre(double[][] mfcc, float[] out, int at) {
        int c = COEFFICIENTS;
        int frames = mfcc[0].length;
        double[][] centred = new double[c][frames];
        for (int i = 0; i < c; i++) {
            double mean = 0;
            for (double x : mfcc[i]) {
                mean += x;
            }
            mean /= frames;
            double ss = 0;
            for (int t = 0; t < frames; t++) {
                centred[i][t] = mfcc[i][t] - mean;
                ss += centred[i][t] * centred[i][t];
            }
            out[at + i] = (float) mean;
            out[at + c + i] = (float) Math.sqrt(ss / frames);
        }
        int k = at + 2 * c;
        double denominator = Math.max(1, frames - 1);
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                double s = 0;
                double[] a = centred[i];
                double[] b = centred[j];
                for (int t = 0; t < frames; t++) {
                    s += a[t] * b[t];
                }
                out[k++] = (float) (s / denominator);
            }
        }
        return k;
    }

    /** Spectral flux (rises summed over bands: mean, spread) and every band's mean absolute step. */
    private static int change(MelSpectrogram db, float[] out, int at) {
        int n = db.nMels();
        int frames = db.frames();
        float[] v = db.values();
        int steps = frames - 1;
        if (steps < 1) {
            return at + 2 + n;
        }
        double[] flux = new double[steps];
        for (int m = 0; m < n; m++) {
            double absolute = 0;
            int row = m * frames;
            for (int t = 0; t < steps; t++) {
                double d = v[row + t + 1] - v[row + t];
                absolute += Math.abs(d);
                if (d > 0) {
                    flux[t] += d;
                }
            }
            out[at + 2 + m] = (float) (absolute / steps);
        }
        double s = 0;
        double ss = 0;
        for (double f : flux) {
            s += f;
            ss += f * f;
        }
        double mean = s / steps;
        out[at] = (float) mean;
        out[at + 1] = (float) Math.sqrt(Math.max(0, ss / steps - mean * mean));
        return at + 2 + n;
    }

    /** The MFCC deltas (frame to frame): spread and mean absolute size per coefficient, from rows {@code [c][frames]}. */
    private static int deltas(double[][] mfcc, float[] out, int at) {
        int c = COEFFICIENTS;
        int steps = mfcc[0].length - 1;
        if (steps < 1) {
            return at + 2 * c;
        }
        for (int i = 0; i < c; i++) {
            double[] row = mfcc[i];
            double s = 0;
            double ss = 0;
            double absolute = 0;
            for (int t = 0; t < steps; t++) {
                double d = row[t + 1] - row[t];
                s += d;
                ss += d * d;
                absolute += Math.abs(d);
            }
            double mean = s / steps;
            out[at + i] = (float) Math.sqrt(Math.max(0, ss / steps - mean * mean));
            out[at + c + i] = (float) (absolute / steps);
        }
        return at + 2 * c;
    }

    /** Per band group and frame, the 90th minus the 10th percentile of its bands: mean and spread over frames. */
    private static void contrast(MelSpectrogram db, float[] out, int at) {
        int n = db.nMels();
        int frames = db.frames();
        float[] v = db.values();
        for (int g = 0; g < CONTRAST_GROUPS; g++) {
            int from = g * n / CONTRAST_GROUPS;
            int width = (g + 1) * n / CONTRAST_GROUPS - from;
            // Frame-major copy of the group's rows (read along rows), so each frame's bands sit side by side.
            double[] block = new double[frames * width];
            for (int m = 0; m < width; m++) {
                int row = (from + m) * frames;
                for (int t = 0; t < frames; t++) {
                    block[t * width + m] = v[row + t];
                }
            }
            double s = 0;
            double ss = 0;
            double[] column = new double[width];
            for (int t = 0; t < frames; t++) {
                System.arraycopy(block, t * width, column, 0, width);
                insertionSort(column);
                double spread = quantile(column, 0.9) - quantile(column, 0.1);
                s += spread;
                ss += spread * spread;
            }
            double mean = s / frames;
            out[at + 2 * g] = (float) mean;
            out[at + 2 * g + 1] = (float) Math.sqrt(Math.max(0, ss / frames - mean * mean));
        }
    }

    /** Sorts a handful of numbers (a band group) in place; cheaper than a general sort at this size. */
    private static void insertionSort(double[] a) {
        for (int i = 1; i < a.length; i++) {
            double x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
