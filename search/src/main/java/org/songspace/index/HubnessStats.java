package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.songspace.io.Json;
import org.songspace.vectors.Vectors;

/**
 * What mutual proximity needs at query time, kept beside the index in {@code hubness.json}: a fixed
 * sample of reference tracks (their vectors) and, for every track, the mean and standard deviation of
 * its distances to them (1 - similarity of the index's {@link VectorSpace}: cosine, or the timbre
 * model's divergence). With those, "how unusual is it that these two tracks are this close, seen
 * from each of them" costs one pass over the sample per query instead of one over the library. Updates
 * add and drop tracks' figures; the sample is drawn again only when one of its tracks leaves or the
 * library has outgrown it.
 */
public final class HubnessStats {
    public static final String FILE_NAME = "hubness.json";
    static final int REFERENCES = 256;

    /** The stored form: reference ids, their unit vectors, and [mean, std] of cosine distance per track id. */
    record Stored(List<String> references, List<float[]> vectors, Map<String, float[]> tracks) {
    }

    private final Stored stored;
    private final VectorSpace space;

    private HubnessStats(Stored stored, VectorSpace space) {
        this.stored = stored;
        this.space = space;
    }

    public static boolean exists(Path indexDir) {
        return Files.isRegularFile(indexDir.resolve(FILE_NAME));
    }

    public static HubnessStats read(Path indexDir) throws IOException {
        return new HubnessStats(Json.read(indexDir.resolve(FILE_NAME), Stored.class), VectorSpace.of(indexDir));
    }

    /** [mean, std] of the distances from {@code vector} to the reference tracks (itself left out). */
    public float[] statsOf(String id, float[] vector) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int r = 0; r < stored.references().size(); r++) {
            if (stored.references().get(r).equals(id)) {
                continue;
            }
            double d = 1 - space.similarity(vector, stored.vectors().get(r));
            sum += d;
            sq += d * d;
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        double std = Math.sqrt(Math.max(1e-12, n == 0 ? 1 : sq / n - mean * mean));
        return new float[] {(float) mean, (float) std};
    }

    /** The stored figures of an indexed track, or null when it has none. */
    public float[] statsOf(String id) {
        return stored.tracks().get(id);
    }

    /**
     * P(X > d) P(Y > d) with X, Y normal with the two tracks' figures: near 1 when each is among the other's
     * nearest, near 0 when either has many tracks closer. Cosine distances are bounded, so the normal form
     * is fair here (the timbre model's heavy-tailed divergences use the empirical form in {@code Knn}).
     */
    public static double mutualProximity(double distance, float[] a, float[] b) {
        return normalTail((distance - a[0]) / a[1]) * normalTail((distance - b[0]) / b[1]);
    }

    /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }

    /**
     * Brings the figures in line with an index of {@code size} tracks after an update that embedded and
     * removed these tracks.
     */
    static void update(Path indexDir, int size, LibraryVectors library, List<IndexedTrack> embedded, List<String> removed)
            throws IOException {
        HubnessStats old = exists(indexDir) ? read(indexDir) : null;
        VectorSpace space = VectorSpace.of(indexDir);
        boolean redraw = old == null || removed.stream().anyMatch(Set.copyOf(old.stored.references())::contains)
                || old.stored.references().size() < Math.min(REFERENCES, size / 2);
        HubnessStats next;
        if (redraw) {
            next = drawn(library.all(), space);
        } else {
            Map<String, float[]> tracks = new HashMap<>(old.stored.tracks());
            removed.forEach(tracks::remove);
            for (IndexedTrack t : embedded) {
                tracks.put(t.id(), old.statsOf(t.id(), t.vector()));
            }
            next = new HubnessStats(new Stored(old.stored.references(), old.stored.vectors(), tracks), space);
        }
        Json.write(indexDir.resolve(FILE_NAME), next.stored);
    }

    private static HubnessStats drawn(List<IndexedTrack> all, VectorSpace space) {
        List<IndexedTrack> shuffled = new ArrayList<>(all);
        shuffled.sort(java.util.Comparator.comparing(IndexedTrack::id));
        Collections.shuffle(shuffled, new Random(42));
        List<IndexedTrack> sample = shuffled.subList(0, Math.min(REFERENCES, shuffled.size()));
        List<String> ids = sample.stream().map(IndexedTrack::id).toList();
        List<float[]> vectors = sample.stream().map(t -> space.reranks() ? t.vector() : Vectors.normalise(t.vector().clone()))
                .toList();
        HubnessStats partial = new HubnessStats(new Stored(ids, vectors, Map.of()), space);
        Map<String, float[]> tracks = new HashMap<>();
        for (IndexedTrack t : all) {
            tracks.put(t.id(), partial.statsOf(t.id(), t.vector()));
        }
        return new HubnessStats(new Stored(ids, vectors, tracks), space);
    }
}
