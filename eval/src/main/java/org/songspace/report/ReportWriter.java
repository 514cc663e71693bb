package org.songspace.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.songspace.eval.EvaluationResult;
import org.songspace.io.AtomicFiles;

/**
 * The comparison report: one self-contained HTML page (no script, no network; maps are PNG files next to
 * it) with the comparison table, the maps, every confusion matrix and the exact configuration. The page
 * is a Mustache template ({@code report.mustache}), which HTML-escapes every value it is given; numbers
 * are formatted here, with {@link Locale#ROOT}, so CSS and figures read the same in every locale.
 */
public final class ReportWriter {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("org/songspace/report").compile("report.mustache");

    private ReportWriter() {
    }

    /** One compared embedding: its evaluation, how long it took to train, and its map (relative path). */
    public record Row(String name, String kind, EvaluationResult result, double trainingSeconds, int bestEpoch,
                      String mapFile) {
    }

    record Page(String title, String subtitle, List<TableRow> rows, int k, String metric, String splitMethod, int tested,
                List<MapFigure> maps, List<Confusion> confusions, String config) {
    }

    record TableRow(boolean best, String name, String kind, int dimension, String holdout, String folds,
                    String precisionAtK, String meanAveragePrecision, String silhouette, String trainingTime,
                    String bestEpoch) {
    }

    record MapFigure(String file, String name) {
    }

    record Confusion(String name, List<String> labels, List<ConfusionRow> rows) {
    }

    record ConfusionRow(String label, List<Cell> cells, String recall) {
    }

    /** One count, shaded green on the diagonal and red off it (no style for zero). */
    record Cell(int count, String style) {
    }

    public static void write(Path file, String title, String subtitle, List<Row> rows, String configJson)
            throws IOException {
        double best = rows.stream().mapToDouble(r -> r.result().holdout().accuracy()).max().orElse(Double.NaN);
        List<TableRow> table = new ArrayList<>();
        List<MapFigure> maps = new ArrayList<>();
        List<Confusion> confusions = new ArrayList<>();
        for (Row r : rows) {
            EvaluationResult e = r.result();
            table.add(new TableRow(e.holdout().accuracy() == best, r.name(), r.kind(), e.dimension(),
                    f3(e.holdout().accuracy()), e.folds() == null ? "-" : f3(e.folds().mean()) + " \u00b1 " + f3(e.folds().std()),
                    f3(e.retrieval().precisionAtK()), f3(e.retrieval().meanAveragePrecision()), f3(e.silhouette()),
                    r.trainingSeconds() > 0 ? String.format(Locale.ROOT, "%.0f s", r.trainingSeconds()) : "-",
                    r.bestEpoch() > 0 ? String.valueOf(r.bestEpoch()) : "-"));
            if (r.mapFile() != null) {
                maps.add(new MapFigure(r.mapFile(), r.name()));
            }
            confusions.add(confusion(r.name(), e));
        }
        EvaluationResult first = rows.get(0).result();
        Page page = new Page(title, subtitle, table, first.k(), first.metric(), first.splitMethod(), first.holdout().tested(),
                maps, confusions, configJson);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TEMPLATE.execute(w, page).flush();
        });
    }

    private static Confusion confusion(String name, EvaluationResult e) {
        List<String> labels = e.holdout().labels();
        List<ConfusionRow> rows = new ArrayList<>();
        for (int r = 0; r < labels.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                int v = e.holdout().confusion()[r][c];
                cells.add(new Cell(v, v == 0 ? null : shade(r == c, v)));
            }
            rows.add(new ConfusionRow(labels.get(r), cells, f3(e.holdout().recall()[r])));
        }
        return new Confusion(name, labels, rows);
    }

    static String shade(boolean correct, int count) {
        return String.format(Locale.ROOT, "background:rgba(%s,%.2f)", correct ? "46,125,50" : "198,40,40",
                Math.min(0.8, 0.15 + 0.1 * count));
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
