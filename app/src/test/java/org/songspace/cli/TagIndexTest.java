package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.embed.TagModel;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.similarity.Match;
import org.songspace.similarity.Neighbours;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.SimilarityService;

/**
 * A library whose files name 40 bands, two clips each: {@code index} with no model learns from those tags,
 * says so, and everything that ranks songs for a listener ranks them by mutual proximity unless told not to.
 */
class TagIndexTest {
    @TempDir
    Path tmp;

    @Test
    void aTaggedLibraryGetsTheTagModelRankedByMutualProximity() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CliRun made = CliRun.of("demo-data", "--out", corpus.toString(), "--per-style", "8", "--seconds", "4", "-q");
        assertEquals(0, made.exitCode(), made.toString());
        Path index = tmp.resolve("index");
        CliRun indexed = CliRun.of("index", corpus.toString(), "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        assertTrue(indexed.out().contains("no --model given and 40 artists name two or more tracks each"), indexed.out());
        assertTrue(TagModel.isTagModel(index.resolve(LibraryIndexer.MODEL_DIR)), indexed.out());

        int sameStyle = 0;
        int listed = 0;
        try (SimilarityService service = SimilarityService.open(index)) {
            assertTrue(service.mutualProximityByDefault());
            List<IndexedTrack> tracks = List.copyOf(service.tracks());
            for (IndexedTrack t : tracks) {
                Neighbours n = service.similar(service.resolve(t.id()), SearchOptions.builder().k(5).build());
                assertTrue(n.mode().endsWith("mutual proximity"), n.mode());
                for (Match m : n.matches()) {
                    sameStyle += t.label().equals(m.label()) ? 1 : 0;
                    listed++;
                }
            }
            Neighbours plain = service.similar(service.resolve(tracks.get(0).id()),
                    SearchOptions.builder().k(5).mutualProximity(false).build());
            assertTrue(!plain.mode().endsWith("mutual proximity"), plain.mode());
        }
        // An index made with the timbre model is kept on updates, and told what its tags would give it.
        Path timbre = tmp.resolve("timbre-index");
        CliRun asked = CliRun.of("index", corpus.toString(), "--model", "timbre", "--out", timbre.toString(), "-q");
        assertEquals(0, asked.exitCode(), asked.toString());
        assertTrue(asked.out().contains("--model timbre: using the classic timbre model"), asked.out());
        CliRun updated = CliRun.of("index", corpus.toString(), "--out", timbre.toString(), "-q");
        assertEquals(0, updated.exitCode(), updated.toString());
        assertTrue(updated.out().contains("the index's own model") && updated.out().contains("would learn from them"),
                updated.out());

        // compare scores the tag model too, one model fitted per fold, so no fold's test band shapes its axes.
        CliRun compared = CliRun.of("compare", corpus.toString(), "--models", "none", "--folds", "3", "--projection", "pca",
                "--features", tmp.resolve("compare-features").toString(), "--out", tmp.resolve("report").toString());
        assertEquals(0, compared.exitCode(), compared.toString());
        assertTrue(compared.out().contains("tags fold 3/3: fitted on") && compared.out().contains("3-fold, fitted per fold"),
                compared.out());
        double share = sameStyle / (double) listed;
        System.out.printf(Locale.ROOT, "tag-model index of 80 demo clips: %.2f of the top-5 neighbours share the style%n", share);
        assertTrue(share >= 0.6, "same-style share " + share);
    }
}
