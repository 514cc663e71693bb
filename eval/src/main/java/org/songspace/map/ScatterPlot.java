package org.songspace.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A 2-D map as a PNG: one colour per label with a legend and a title (XChart, headless). */
public final class ScatterPlot {
    /** Twelve distinguishable colours (Tableau-like), reused cyclically beyond twelve labels. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 128), new Color(128, 128, 0)};

    private ScatterPlot() {
    }

    public static Color colour(int label) {
        return PALETTE[label % PALETTE.length];
    }

    /**
     * Writes {@code file} (PNG, width x height) with points {@code xy[i]} coloured by
     * {@code labelNames[labels[i]]} (label -1: grey "unlabeled").
     */
    public static void write(Path file, String title, float[][] xy, int[] labels, List<String> labelNames, int width,
                             int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("").yAxisTitle("").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        int groups = labelNames.size();
        for (int l = -1; l < groups; l++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < xy.length; i++) {
                if (labels[i] == l) {
                    xs.add((double) xy[i][0]);
                    ys.add((double) xy[i][1]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String name = l < 0 ? "unlabeled" : labelNames.get(l) + " (" + xs.size() + ")";
            XYSeries series = chart.addSeries(name, xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(l < 0 ? Color.LIGHT_GRAY : colour(l));
            series.setLineStyle(new BasicStroke(0));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp.png");
        BitmapEncoder.saveBitmap(chart, tmp.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
