package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.vectors.EmbeddingSet;
import org.songspace.vectors.Vectors;

/**
 * A model taught by the files' artist tags alone (no genre label used in training): on a generated set of
 * bands, tracks of one band end up closer to each other than to other bands', and the embedding space does
 * not collapse.
 */
class TrainOnTagsTest {
    @TempDir
    Path tmp;

    @Test
    void artistTagsTeachSameArtistNeighbours() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CliRun made = CliRun.of("demo-data", "--out", corpus.toString(), "--per-style", "8", "--seconds", "6", "-q");
        assertEquals(0, made.exitCode(), made.toString());
        Path out = tmp.resolve("report");
        CliRun run = CliRun.of("compare", corpus.toString(), "--models", "triplet", "--train-on", "artist", "--folds", "0",
                "--epochs", "6", "--projection", "pca", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("triplet-artist-tags"), run.out());
        EmbeddingSet set = EmbeddingSet.read(out.resolve("embeddings").resolve("triplet.npy"));
        double same = 0;
        double other = 0;
        int nSame = 0;
        int nOther = 0;
        for (int i = 0; i < set.entries().size(); i++) {
            for (int j = 0; j < i; j++) {
                double c = Vectors.cosine(set.vectors()[i], set.vectors()[j]);
                if (set.entries().get(i).artist().equals(set.entries().get(j).artist())) {
                    same += c;
                    nSame++;
                } else {
                    other += c;
                    nOther++;
                }
            }
        }
        same /= nSame;
        other /= nOther;
        assertTrue(same > other + 0.1, "same-artist pairs " + same + " vs others " + other);
        assertTrue(other < 0.9, "not collapsed: mean cosine between other artists' tracks " + other);
        assertTrue(Files.exists(out.resolve("report.html")));
    }
}
