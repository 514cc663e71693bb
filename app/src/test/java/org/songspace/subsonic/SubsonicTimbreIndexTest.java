package org.songspace.subsonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;
import org.songspace.index.IndexedTrack;
import org.songspace.index.VectorSpace;
import org.songspace.similarity.SimilarityService;
import org.songspace.web.WebServer;

/**
 * The Subsonic methods that compare artists, on an index of the timbre model (what index makes when given no
 * model): similar artists and an artist's top songs follow the index's own divergence between Gaussians, not
 * a cosine taken over the numbers a Gaussian is packed into.
 */
class SubsonicTimbreIndexTest {
    static final String KEY = "gina-key-0123456789abcdef";

    @TempDir
    static Path tmp;
    static Path index;
    static WebServer server;
    static SubsonicClient gina;

    @BeforeAll
    static void start() throws Exception {
        index = TestPipeline.timbreIndex(TestPipeline.shared(), tmp.resolve("timbre-index"));
        Path users = org.songspace.cli.TestSupport.secret(tmp, "users", "gina:pass\n");
        Path keys = org.songspace.cli.TestSupport.secret(tmp, "keys", "gina:" + KEY + "\n");
        server = new WebServer(index, users, keys, tmp.resolve("state"));
        gina = new SubsonicClient("http://127.0.0.1:" + server.start("127.0.0.1", 0), KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void similarArtistsAreTheClosestByTheDivergence() throws Exception {
        JsonNode song = gina.ok("getSong", "id", "rock/rock.00000").get("song");
        String artist = song.get("artist").asText();
        List<String> expected = closestArtists(artist, 5);
        JsonNode info = gina.ok("getArtistInfo2", "id", song.get("artistId").asText(), "count", "5")
                .get("artistInfo2").get("similarArtist");
        List<String> names = new ArrayList<>();
        info.forEach(a -> names.add(a.get("name").asText()));
        assertEquals(expected, names);
        JsonNode radio = gina.ok("getSimilarSongs2", "id", song.get("artistId").asText(), "count", "6")
                .get("similarSongs2").get("song");
        assertEquals(6, radio.size());
        SubsonicClientStartTest.assertVaried(radio, java.util.Set.of("rock/rock.00000"));
    }

    /** The artists whose blended Gaussians are closest to {@code artist}'s, by the index's own similarity. */
    private static List<String> closestArtists(String artist, int count) throws Exception {
        VectorSpace space = VectorSpace.of(index);
        Map<String, List<float[]>> songs = new HashMap<>();
        try (SimilarityService service = SimilarityService.open(index)) {
            for (IndexedTrack t : service.tracks()) {
                songs.computeIfAbsent(t.artist(), a -> new ArrayList<>()).add(service.vector(t.id()).orElseThrow());
            }
        }
        Map<String, float[]> centres = new HashMap<>();
        songs.forEach((a, v) -> centres.put(a, space.centre(v)));
        float[] own = centres.get(artist);
        return centres.keySet().stream().filter(a -> !a.equals(artist))
                .sorted(Comparator.comparingDouble((String a) -> -space.similarity(own, centres.get(a))).thenComparing(a -> a))
                .limit(count).toList();
    }
}
