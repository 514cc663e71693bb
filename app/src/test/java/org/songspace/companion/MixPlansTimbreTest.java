package org.songspace.companion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.cli.TestPipeline;
import org.songspace.index.IndexedTrack;
import org.songspace.index.VectorSpace;
import org.songspace.similarity.SimilarityService;

/**
 * sync's "from your recent plays" on an index of the timbre model: the plays' weighted centre is a Gaussian
 * (the blend of theirs), so the playlist opens with the song closest to it by the divergence.
 */
class MixPlansTimbreTest {
    @TempDir
    Path tmp;

    @Test
    void recentPlaysAreBlendedAsGaussians() throws Exception {
        Path index = TestPipeline.timbreIndex(TestPipeline.shared(), tmp.resolve("timbre-index"));
        VectorSpace space = VectorSpace.of(index);
        try (SimilarityService service = SimilarityService.open(index)) {
            Map<String, IndexedTrack> byRemote = new HashMap<>();
            Map<String, String> remoteOf = new HashMap<>();
            for (IndexedTrack t : service.tracks()) {
                byRemote.put("r:" + t.id(), t);
                remoteOf.put(t.id(), "r:" + t.id());
            }
            MixPlans plans = new MixPlans(service, new LibraryMatcher.Mapping(byRemote, remoteOf, Map.of(), List.of()), 5);
            List<String> played = List.of("jazz/jazz.00000", "jazz/jazz.00001");
            MixPlans.Planned planned = plans.forPlays(List.of(new MixPlans.Weighted("r:" + played.get(0), 3),
                    new MixPlans.Weighted("r:" + played.get(1), 1)));

            float[] centre = space.centre(List.of(service.vector(played.get(0)).orElseThrow(),
                    service.vector(played.get(1)).orElseThrow()), new double[] {3, 1});
            String closest = service.tracks().stream().map(IndexedTrack::id).filter(id -> !played.contains(id))
                    .max(Comparator.comparingDouble(id -> similarity(service, space, centre, id))).orElseThrow();
            assertEquals("r:" + closest, planned.remoteIds().get(0), planned.toString());
            assertEquals(5, planned.remoteIds().size());
            planned.remoteIds().forEach(r -> assertFalse(Set.of("r:" + played.get(0), "r:" + played.get(1)).contains(r),
                    "a played song is not in its own mix: " + planned));
        }
    }

    private static double similarity(SimilarityService service, VectorSpace space, float[] centre, String id) {
        try {
            return space.similarity(centre, service.vector(id).orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
