package org.songspace.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;
import org.songspace.index.IndexedTrack;
import org.songspace.io.UserError;

/** The one search service behind the CLI and the web map, on an index of a quick demo run. */
class SimilarityServiceTest {
    static TestPipeline.Built built;
    static SimilarityService service;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws IOException {
        built = TestPipeline.shared();
        service = SimilarityService.open(built.index());
    }

    @AfterAll
    static void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void thePathOfAnIndexedFileUsesItsStoredVectorAndIsNeverItsOwnNeighbour() throws IOException {
        Path file = built.corpus().resolve("rock/rock.00001.wav");
        Seed seed = service.resolve(file.toString());
        assertFalse(seed.embedded(), "an unchanged indexed file is not embedded again");
        assertEquals("rock/rock.00001", seed.indexedTrack().orElseThrow().id());
        Neighbours answer = service.similar(seed, SearchOptions.ofK(39));
        assertEquals(39, answer.matches().size(), "every other track, and not the query");
        assertTrue(answer.matches().stream().noneMatch(m -> m.id().equals("rock/rock.00001")));
        // Relative and absolute spellings of the path are the same file.
        Path relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
        assertEquals("rock/rock.00001", service.resolve(relative.toString()).indexedTrack().orElseThrow().id());
    }

    @Test
    void exactSearchAgreesWithHnsw() throws IOException {
        for (IndexedTrack t : service.tracks().stream().limit(10).toList()) {
            Seed seed = service.resolve(t.id());
            List<String> hnsw = service.similar(seed, SearchOptions.ofK(10)).matches().stream().map(Match::id).toList();
            List<String> exact = service.similar(seed, SearchOptions.builder().k(10).exact(true).build()).matches()
                    .stream().map(Match::id).toList();
            assertEquals(exact, hnsw, "HNSW over 40 tracks must find the exact neighbours of " + t.id());
        }
    }

    @Test
    void newAudioIsEmbeddedWithTheIndexModelAndPlacedOnTheMap() throws IOException {
        byte[] bytes = Files.readAllBytes(built.corpus().resolve("blues/blues.00002.wav"));
        Neighbours answer = service.similar(service.embed(bytes, "upload.wav"), SearchOptions.ofK(3));
        assertEquals("blues/blues.00002", answer.matches().get(0).id());
        assertTrue(answer.matches().get(0).similarity() >= 0.999, answer.matches().get(0).toString());
        float[] own = service.position("blues/blues.00002").orElseThrow();
        assertTrue(Math.hypot(answer.position()[0] - own[0], answer.position()[1] - own[1]) < 1.0,
                "a copy lands on (or right beside) the original");
        IOException bad = assertThrows(IOException.class,
                () -> service.embed("no audio".getBytes(StandardCharsets.UTF_8), "notes.mp3"));
        assertTrue(bad.getMessage().startsWith("notes.mp3: not a recognised audio format"), bad.getMessage());
    }

    @Test
    void aQueryThatIsNeitherIdNorFileIsAUserError() throws IOException {
        UserError e = assertThrows(UserError.class, () -> service.resolve("no/such-track"));
        assertTrue(e.getMessage().contains("neither a track id"), e.getMessage());
        Path bad = tmp.resolve("bad.mp3");
        Files.writeString(bad, "not audio at all");
        IOException notAudio = assertThrows(IOException.class, () -> service.resolve(bad.toString()));
        assertTrue(notAudio.getMessage().startsWith(bad + ": not a recognised audio format"), notAudio.getMessage());
    }

    @Test
    void anUnreadableMapLeavesNothingOpen() throws IOException {
        Path copy = tmp.resolve("index");
        try (Stream<Path> walk = Files.walk(built.index())) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(built.index().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(copy.resolve("map.json"), "{ broken");
        for (int i = 0; i < 5; i++) {
            IOException e = assertThrows(IOException.class, () -> SimilarityService.open(copy));
            assertTrue(e.getMessage().contains("map.json"), e.getMessage());
        }
        // Lucene memory-maps its files and closes their descriptors: an open reader shows in the process's maps.
        assertEquals(0, mappedFilesUnder(copy), "each failed open must close its Lucene reader");
        try (SimilarityService ok = SimilarityService.open(built.index())) {
            assertTrue(mappedFilesUnder(built.index()) > 0, "the check sees an open reader");
        }
    }

    private static long mappedFilesUnder(Path dir) throws IOException {
        String prefix = dir.toRealPath().toString();
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.filter(line -> line.contains(prefix)).count();
        }
    }
}
