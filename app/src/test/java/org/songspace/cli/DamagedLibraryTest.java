package org.songspace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.io.Json;
import org.songspace.similarity.SimilarityService;

/**
 * A library holding a cut-off copy: index analyses it, counts it as damaged and keeps the mark, which
 * {@code similar --json} shows.
 */
class DamagedLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void aCutOffFileIsIndexedAndMarkedEverywhere() throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        Path library = tmp.resolve("library");
        for (String genre : new String[] {"rock", "jazz"}) {
            Files.createDirectories(library.resolve(genre));
            for (int i = 0; i < 3; i++) {
                String name = genre + ".0000" + i + ".wav";
                Files.copy(built.corpus().resolve(genre).resolve(name), library.resolve(genre).resolve(name));
            }
        }
        byte[] whole = Files.readAllBytes(built.corpus().resolve("rock/rock.00003.wav"));
        Files.write(library.resolve("rock/rock.00003.wav"), Arrays.copyOf(whole, whole.length * 3 / 4));
        Path index = tmp.resolve("index");
        CliRun indexed = CliRun.of("index", built.model().toString(), library.toString(), "--out", index.toString());
        assertEquals(0, indexed.exitCode(), indexed.toString());
        assertTrue(indexed.err().contains("7 analysed (1 damaged)") && indexed.err().contains("rock.00003.wav: 4.5 s decoded of 6.0 s declared"),
                indexed.err());
        try (SimilarityService service = SimilarityService.open(index)) {
            assertEquals("4.5 s decoded of 6.0 s declared", service.track("rock/rock.00003").orElseThrow().damage());
            assertNull(service.track("rock/rock.00000").orElseThrow().damage());
        }
        CliRun similar = CliRun.of("similar", index.toString(), "rock/rock.00002", "-k", "6", "--json");
        assertEquals(0, similar.exitCode(), similar.toString());
        boolean shown = false;
        for (JsonNode m : Json.mapper().readTree(similar.out()).path("results")) {
            if (m.path("id").asText().equals("rock/rock.00003")) {
                shown = m.path("damage").asText().contains("decoded of");
            } else {
                assertTrue(m.path("damage").isNull(), m.toString());
            }
        }
        assertTrue(shown, similar.out());
    }
}
