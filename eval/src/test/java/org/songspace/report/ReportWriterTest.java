package org.songspace.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.dataset.Split;
import org.songspace.eval.Evaluation;
import org.songspace.eval.EvaluationResult;
import org.songspace.eval.LabeledVectors;
import org.songspace.vectors.Knn;

class ReportWriterTest {
    @TempDir
    Path tmp;

    private static EvaluationResult result(String name) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("t" + i);
            vectors.add(new float[] {i % 2 == 0 ? 1 : -1, i * 0.01f});
            labels.add(i % 2 == 0 ? "rock & roll" : "<jazz>");
        }
        LabeledVectors data = LabeledVectors.of(ids, vectors, labels);
        Split split = new Split("holdout", ids.subList(0, 8), List.of(), ids.subList(8, 12));
        return Evaluation.run(name, data, split, 1, Knn.Metric.COSINE, 0, java.util.Map.of(), 1);
    }

    @Test
    void thePageIsEscapedAndReadsTheSameInEveryLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path page = tmp.resolve("report.html");
            ReportWriter.write(page, "songspace <comparison>", "a \"test\"", List.of(
                    new ReportWriter.Row("model<script>", "learned", result("m"), 12.5, 3, "maps/m.png")), "{\"a\": \"<b>\"}");
            String html = Files.readString(page);
            assertTrue(html.contains("background:rgba(46,125,50,0.35)"), "CSS numbers use a dot in every locale:\n" + html);
            assertFalse(html.contains(",0,35)"), html);
            assertTrue(html.contains("0.") && !html.matches("(?s).*<td>[01],[0-9]{3}</td>.*"), "figures use a dot");
            assertTrue(html.contains("model&lt;script&gt;") && !html.contains("model<script>"), "names are escaped");
            assertTrue(html.contains("&lt;jazz&gt;") && html.contains("rock &amp; roll"), "labels are escaped");
            assertTrue(html.contains("{&quot;a&quot;: &quot;&lt;b&gt;&quot;}"), "the configuration is escaped");
            assertTrue(html.contains("<img src=\"maps/m.png\""), html);
        } finally {
            Locale.setDefault(before);
        }
    }
}
