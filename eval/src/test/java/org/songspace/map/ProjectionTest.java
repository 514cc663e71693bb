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
    void pcaFindsTheMainAxisAndIsDeterministic() {
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
        assertArrayEquals(p[5], Projection.pca(line, 2)[5], 0f);
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
