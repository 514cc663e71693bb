package org.songspace.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.songspace.eval.EvaluationResult;
import org.songspace.io.AtomicFiles;

/**
 * The comparison report: one self-contained HTML page (no script, no network; maps are PNG files next to
 * it) with the comparison table, the maps, every confusion matrix and the exact configuration.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** One compared embedding: its evaluation, how long it took to train, and its map (relative path). */
    public record Row(String name, String kind, EvaluationResult result, double trainingSeconds, int bestEpoch,
                      String mapFile) {
    }

    public static void write(Path file, String title, String subtitle, List<Row> rows, String configJson)
            throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
                        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}.best{font-weight:bold;background:#e8f5e9}"
                        + ".maps{display:flex;flex-wrap:wrap;gap:12px}.maps figure{margin:0}.maps img{width:540px;border:1px solid #ddd}"
                        + "pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:12px}.cm td{min-width:2.2em}"
                        + ".muted{color:#777}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"muted\">").append(esc(subtitle)).append("</p>\n");
        h.append("<h2>Comparison</h2>\n<table><tr><th>embedding</th><th>kind</th><th>dims</th><th>holdout k-NN accuracy</th>"
                + "<th>k-fold accuracy</th><th>precision@k</th><th>mAP</th><th>silhouette</th><th>training time</th>"
                + "<th>best epoch</th></tr>\n");
        double best = rows.stream().mapToDouble(r -> r.result().holdout().accuracy()).max().orElse(Double.NaN);
        for (Row r : rows) {
            EvaluationResult e = r.result();
            h.append("<tr").append(e.holdout().accuracy() == best ? " class=\"best\"" : "").append("><td>")
                    .append(esc(r.name())).append("</td><td>").append(esc(r.kind())).append("</td><td>").append(e.dimension())
                    .append("</td><td>").append(f3(e.holdout().accuracy())).append("</td><td>")
                    .append(e.folds() == null ? "-" : f3(e.folds().mean()) + " &plusmn; " + f3(e.folds().std()))
                    .append("</td><td>").append(f3(e.retrieval().precisionAtK())).append("</td><td>")
                    .append(f3(e.retrieval().meanAveragePrecision())).append("</td><td>").append(f3(e.silhouette()))
                    .append("</td><td>").append(r.trainingSeconds() > 0 ? String.format(Locale.ROOT, "%.0f s", r.trainingSeconds()) : "-")
                    .append("</td><td>").append(r.bestEpoch() > 0 ? r.bestEpoch() : "-").append("</td></tr>\n");
        }
        EvaluationResult first = rows.get(0).result();
        h.append("</table>\n<p class=\"muted\">k-NN: k=").append(first.k()).append(", ").append(esc(first.metric()))
                .append(" distance. Holdout: ").append(esc(first.splitMethod())).append(", ").append(first.holdout().tested())
                .append(" held-out tracks classified by the training tracks: the honest figure, since the models never saw "
                        + "these tracks. k-fold: every labelled track, group-aware when artists are known; for a learned "
                        + "model marked 'retrained per fold' the model was trained afresh on each fold and scored on "
                        + "tracks it never saw; otherwise its k-fold includes the tracks it trained on, which flatters it. "
                        + "precision@k, mAP and silhouette use every track, with labels as relevance.</p>\n");
        h.append("<h2>Maps</h2>\n<div class=\"maps\">\n");
        for (Row r : rows) {
            if (r.mapFile() != null) {
                h.append("<figure><img src=\"").append(esc(r.mapFile())).append("\" alt=\"map of ").append(esc(r.name()))
                        .append("\"><figcaption>").append(esc(r.name())).append("</figcaption></figure>\n");
            }
        }
        h.append("</div>\n<h2>Confusion matrices (holdout; rows true, columns predicted)</h2>\n");
        for (Row r : rows) {
            h.append("<h3>").append(esc(r.name())).append("</h3>\n").append(confusion(r.result()));
        }
        h.append("<h2>Configuration</h2>\n<pre>").append(esc(configJson)).append("</pre>\n</body></html>\n");
        AtomicFiles.writeString(file, h.toString());
    }

    private static String confusion(EvaluationResult e) {
        List<String> labels = e.holdout().labels();
        StringBuilder t = new StringBuilder("<table class=\"cm\"><tr><th></th>");
        labels.forEach(l -> t.append("<th>").append(esc(l)).append("</th>"));
        t.append("<th>recall</th></tr>\n");
        for (int r = 0; r < labels.size(); r++) {
            t.append("<tr><td>").append(esc(labels.get(r))).append("</td>");
            for (int c = 0; c < labels.size(); c++) {
                int v = e.holdout().confusion()[r][c];
                String bg = v == 0 ? "" : String.format(Locale.ROOT, " style=\"background:rgba(%s,%.2f)\"", r == c ? "46,125,50" : "198,40,40",
                        Math.min(0.8, 0.15 + 0.1 * v));
                t.append("<td").append(bg).append(">").append(v).append("</td>");
            }
            t.append("<td>").append(f3(e.holdout().recall()[r])).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
