package org.songspace.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectionTest {
    @TempDir
    Path tmp;

    /** Two well separated clusters in 16-d. */
    private static float[][] clusters(int perCluster) {
        Random r = new Random(3);
        float[][] x = new float[2 * perCluster][16];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 16; j++) {
                x[i][j] = (float) (r.nextGaussian() * 0.1 + (i < perCluster ? (j == 0 ? 5 : 0) : (j == 1 ? 5 : 0)));
            }
        }
        return x;
    }

    @Test
    void pcaFindsTheMainAxis() {
        float[][] line = new float[20][3];
        for (int i = 0; i < 20; i++) {
            line[i] = new float[] {i, 2 * i, 0};
        }
        float[][] p = Projection.pca(line, 2);
        // All variance lies along (1, 2, 0): the first component spans it, the second is ~0.
        assertEquals(19 * Math.sqrt(5), p[19][0] - p[0][0], 1e-3);
        for (float[] row : p) {
            assertEquals(0, row[1], 1e-3);
        }
    }

    @Test
    void pcaOrdersComponentsByVarianceAndRecoversThem() {
        // Two uncorrelated directions: variance 9 along x, 1 along y, none along z. The components must be
        // those axes, the larger first, each with its own variance (worked out, not PCA against itself).
        Random r = new Random(9);
        int n = 400;
        float[][] x = new float[n][3];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
            x[i] = new float[] {(float) (3 * a[i] + 1), (float) (b[i] - 2), 4};
        }
        float[][] p = Projection.pca(x, 2);
        assertEquals(1, Math.abs(correlation(p, 0, a)), 1e-3, "first component is the x axis");
        assertEquals(1, Math.abs(correlation(p, 1, b)), 0.02, "second component is the y axis");
        assertEquals(9 * variance(a), variance(column(p, 0)), 0.05 * 9 * variance(a));
        assertEquals(variance(b), variance(column(p, 1)), 0.15 * variance(b));
        assertEquals(0, mean(column(p, 0)), 1e-3, "projections are centred");
    }

    private static double[] column(float[][] p, int c) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i][c];
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }

    private static double correlation(float[][] p, int c, double[] truth) {
        double[] col = column(p, c);
        double mc = mean(col);
        double mt = mean(truth);
        double cov = 0;
        for (int i = 0; i < col.length; i++) {
            cov += (col[i] - mc) * (truth[i] - mt);
        }
        return cov / col.length / Math.sqrt(variance(col) * variance(truth));
    }

    @Test
    void umapIsSeededAndKeepsClustersApart() {
        float[][] x = clusters(20);
        float[][] a = Projection.umap(x, 2, 7);
        float[][] b = Projection.umap(x, 2, 7);
        assertArrayEquals(a[3], b[3], 0f, "same seed, same map");
        double within = distance(a[0], a[1]);
        double across = distance(a[0], a[25]);
        assertTrue(across > within, "clusters should stay apart: within " + within + ", across " + across);
    }

    @Test
    void umapLaysOutMoreThan4096Points() {
        // The UMAP port's own cosine metric threw a NullPointerException past 4096 points (its NN-descent).
        float[][] x = clusters(2100);
        float[][] map = Projection.umap(x, 2, 1);
        assertEquals(4200, map.length);
        assertTrue(distance(map[0], map[4199]) > distance(map[0], map[1]), "the two clusters stay apart");
    }

    private static double distance(float[] p, float[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }

    @Test
    void scatterPlotIsARealPicture() throws IOException {
        float[][] xy = Projection.pca(clusters(15), 2);
        int[] labels = new int[30];
        for (int i = 15; i < 30; i++) {
            labels[i] = 1;
        }
        Path png = tmp.resolve("map.png");
        ScatterPlot.write(png, "test map", xy, labels, List.of("left", "right"), 640, 480);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        int coloured = 0;
        for (int y = 0; y < 480; y += 2) {
            for (int x = 0; x < 640; x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 50, "points in label colours should be drawn, found " + coloured + " coloured pixels");
    }
}
