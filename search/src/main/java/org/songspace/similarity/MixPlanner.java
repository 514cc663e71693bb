package org.songspace.similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.songspace.index.Exclusions;
import org.songspace.index.HubnessStats;
import org.songspace.index.IndexedTrack;
import org.songspace.index.SimilarityIndex;
import org.songspace.index.VectorSpace;

/**
 * Mixes and paths over an index, for every front end (CLI, web map, Subsonic API).
 * <ul>
 *   <li>A <b>mix</b> from one or more seeds: candidates ranked by similarity to the seeds' centre (the mean
 *   of their vectors; for the timbre model the Gaussian of their mean and covariance), never a seed, then taken greedily under the
 *   variety rules of {@link MixOptions}; by mutual proximity to the centre first where the index ranks so.</li>
 *   <li>A <b>path</b> from a start track to an end track: {@code count - 2} targets evenly spaced on the
 *   straight line between the two vectors (re-normalised; Gaussians blended); for each, the track nearest to
 *   it among those not yet used and strictly closer (by the index's similarity) to the end than the
 *   previous step. A target with no
 *   such track is skipped, so a path may be shorter than asked but always starts at the start, ends at
 *   the end, never repeats a track and gets closer to the end at every step.</li>
 * </ul>
 * Similarities reported in [0, 1] are {@code (1 + s) / 2} of the index's similarity s (cosine, or the
 * timbre model's (d - divergence) / (d + divergence)) to the reference (the seeds' mean, or the
 * start of the path): 1 is the same track.
 */
final class MixPlanner {
    /** Candidates fetched per wanted track, so the variety rules have something to choose from. */
    static final int CANDIDATES_PER_TRACK = 8;
    /** Neighbours of each path target considered. */
    static final int PATH_CANDIDATES = 64;
    /** Tracks nearest a path step's target by key, re-ranked by the true similarity, for the timbre model. */
    static final int PATH_RERANKED = 500;

    private final SimilarityIndex index;
    private final VectorSpace space;
    private final HubnessStats hubness;

    /** {@code hubness} non-null ranks candidates by mutual proximity to the reference before the rules pick. */
    MixPlanner(SimilarityIndex index, HubnessStats hubness) {
        this.index = index;
        this.space = index.space();
        this.hubness = hubness;
    }

    List<Match> mix(List<Seed> seeds, MixOptions options) throws IOException {
        float[] centre = space.centre(seeds.stream().map(Seed::vector).toList());
        Set<String> seedIds = new HashSet<>();
        List<IndexedTrack> played = new ArrayList<>();
        for (Seed s : seeds) {
            s.indexedTrack().ifPresent(t -> {
                seedIds.add(t.id());
                played.add(t);
            });
        }
        // A search that compares every vector costs the same for many candidates: take them all at once
        // rather than scanning the library a second time when the variety rules use the first ones up.
        int wanted = index.exhaustive() ? SearchOptions.MAX_K
                : Math.min(SearchOptions.MAX_K, Math.max(50, options.count() * CANDIDATES_PER_TRACK));
        List<Match> out = take(ranked(centre, index.search(centre, wanted, Exclusions.ids(seedIds))), played, options);
        if (out.size() < options.count() && wanted < SearchOptions.MAX_K) {
            // The variety rules used up the candidates: look further out once.
            out = take(ranked(centre, index.search(centre, SearchOptions.MAX_K, Exclusions.ids(seedIds))), played, options);
        }
        return out;
    }

    /** Candidates in order, each taken unless it repeats an artist or album within its window. */
    private static List<Match> take(List<SimilarityIndex.Hit> hits, List<IndexedTrack> seeds, MixOptions options) {
        List<IndexedTrack> played = new ArrayList<>(seeds);
        List<Match> out = new ArrayList<>();
        for (SimilarityIndex.Hit hit : hits) {
            if (out.size() == options.count()) {
                break;
            }
            IndexedTrack t = hit.track();
            if (repeats(played, options.artistWindow(), t.artist(), IndexedTrack::artist)
                    || repeats(played, options.albumWindow(), t.album(), IndexedTrack::album)) {
                continue;
            }
            played.add(t);
            out.add(unitSimilarity(hit));
        }
        return out;
    }

    /** Whether {@code value} (when known) is among the last {@code window} played tracks' values. */
    private static boolean repeats(List<IndexedTrack> played, int window, String value,
                                   java.util.function.Function<IndexedTrack, String> field) {
        if (value == null || window == 0) {
            return false;
        }
        for (int i = played.size() - 1; i >= Math.max(0, played.size() - window); i--) {
            if (value.equalsIgnoreCase(Objects.requireNonNullElse(field.apply(played.get(i)), ""))) {
                return true;
            }
        }
        return false;
    }

    List<Match> path(IndexedTrack start, IndexedTrack end, int count) throws IOException {
        List<Match> out = new ArrayList<>();
        out.add(Match.of(new SimilarityIndex.Hit(start.withVector(null), 1.0)));
        Set<String> used = new HashSet<>(List.of(start.id(), end.id()));
        Map<String, Double> toEndOf = new HashMap<>();
        double lastToEnd = space.similarity(start.vector(), end.vector());
        int inner = count - 2;
        for (int step = 1; step <= inner; step++) {
            float[] target = space.between(start.vector(), end.vector(), step / (double) (inner + 1));
            // A step only needs a near track: the timbre model's candidates come from its keys, not an exact
            // search per step (which would compare every track 98 times for a path of 100).
            for (SimilarityIndex.Hit hit : ranked(target, index.approximate(target, PATH_CANDIDATES, PATH_RERANKED,
                    Exclusions.ids(used)))) {
                // Search hits carry no vectors, and neighbouring steps share most candidates: each is read once.
                Double toEnd = toEndOf.get(hit.track().id());
                if (toEnd == null) {
                    toEnd = space.similarity(index.get(hit.track().id()).orElseThrow().vector(), end.vector());
                    toEndOf.put(hit.track().id(), toEnd);
                }
                if (toEnd > lastToEnd) {
                    IndexedTrack candidate = index.get(hit.track().id()).orElseThrow();
                    used.add(candidate.id());
                    lastToEnd = toEnd;
                    out.add(unit(candidate.withVector(null), space.similarity(candidate.vector(), start.vector())));
                    break;
                }
            }
        }
        if (count >= 2 && !end.id().equals(start.id())) {
            out.add(unit(end.withVector(null), space.similarity(end.vector(), start.vector())));
        }
        return out;
    }

    /**
     * The hits in order of mutual proximity to {@code reference} when this planner uses it (hub tracks, close
     * to everything, stop heading every mix), else as found. The similarity each hit carries is unchanged.
     */
    private List<SimilarityIndex.Hit> ranked(float[] reference, List<SimilarityIndex.Hit> hits) throws IOException {
        if (hubness == null) {
            return hits;
        }
        float[] own = hubness.statsOf("", reference);
        Map<String, Double> score = new HashMap<>();
        for (SimilarityIndex.Hit h : hits) {
            score.put(h.track().id(), proximity(hubness, index, own, h));
        }
        List<SimilarityIndex.Hit> out = new ArrayList<>(hits);
        out.sort(Comparator.comparingDouble((SimilarityIndex.Hit h) -> -score.get(h.track().id()))
                .thenComparing(h -> h.track().id()));
        return out;
    }

    /**
     * A hit's mutual proximity to the reference whose figures are {@code own}; a track added since the
     * figures were stored gets its own from its vector.
     */
    static double proximity(HubnessStats stats, SimilarityIndex index, float[] own, SimilarityIndex.Hit hit)
            throws IOException {
        float[] theirs = stats.statsOf(hit.track().id());
        if (theirs == null) {
            theirs = stats.statsOf(hit.track().id(), index.get(hit.track().id()).orElseThrow().vector());
        }
        return HubnessStats.mutualProximity(1 - hit.similarity(), own, theirs);
    }

    private static Match unitSimilarity(SimilarityIndex.Hit hit) {
        return unit(hit.track(), hit.similarity());
    }

    private static Match unit(IndexedTrack t, double cosine) {
        return Match.of(new SimilarityIndex.Hit(t, Math.max(0, Math.min(1, (1 + cosine) / 2))));
    }
}
