package org.songspace.vectors;

/** Small vector helpers shared by training, embedding, evaluation and search. */
public final class Vectors {
    private Vectors() {
    }

    /** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
    public static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / n);
            }
        }
        return v;
    }

    /** The mean of rows [from, to) of a row-major [rows][dim] array. */
    public static float[] meanOfRows(float[] rows, int dim, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("no rows to average");
        }
        double[] sum = new double[dim];
        for (int r = from; r < to; r++) {
            for (int j = 0; j < dim; j++) {
                sum[j] += rows[r * dim + j];
            }
        }
        float[] mean = new float[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = (float) (sum[j] / (to - from));
        }
        return mean;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The dot product of {@code n} values of {@code a} from {@code aFrom} and of {@code b} from {@code bFrom}. */
    public static double dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aFrom + i] * b[bFrom + i];
        }
        return s;
    }

    public static double cosine(float[] a, float[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }
}
