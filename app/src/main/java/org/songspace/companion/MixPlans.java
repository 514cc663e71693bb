package org.songspace.companion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.songspace.index.IndexedTrack;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;

/**
 * The playlists sync writes, as names and the other server's song ids: a mix for each starred song, mixes
 * around the main regions of the map, and a mix from the listener's plays. Every mix follows the mix rules
 * (never its seed, no artist within 3 songs nor album within 5) and holds only songs the server has.
 */
final class MixPlans {
    static final String PREFIX = "songspace: ";

    record Planned(String name, List<String> remoteIds) {
    }

    /** A song the listener played or starred, with how much it counts for "recent plays". */
    record Weighted(String remoteId, double weight) {
    }

    private final SimilarityService service;
    private final LibraryMatcher.Mapping mapping;
    private final int count;

    MixPlans(SimilarityService service, LibraryMatcher.Mapping mapping, int count) {
        this.service = service;
        this.mapping = mapping;
        this.count = count;
    }

    /** "songspace: like TITLE - ARTIST" for each starred song the index has. */
    List<Planned> forStars(List<RemoteSong> starred) throws IOException {
        List<Planned> out = new ArrayList<>();
        for (RemoteSong s : starred) {
            IndexedTrack t = mapping.byRemoteId().get(s.id());
            if (t != null) {
                List<String> mix = mix(List.of(service.resolve(t.id())), Set.of(t.id()));
                out.add(new Planned(PREFIX + "like " + (s.title() == null ? t.id() : s.title())
                        + (s.artist() == null ? "" : " - " + s.artist()), mix));
            }
        }
        return out;
    }

    /** {@code regions} mixes around the centres of k-means clusters of the mapped songs, named after their tags. */
    List<Planned> forRegions(int regions) throws IOException {
        List<IndexedTrack> tracks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (String localId : mapping.remoteIdOf().keySet()) {
            service.vector(localId).ifPresent(v -> {
                tracks.add(service.track(localId).orElseThrow());
                // The index's search key: a unit vector for either kind of model, so k-means by cosine means something.
                vectors.add(service.space().key(v));
            });
        }
        if (tracks.isEmpty() || regions <= 0) {
            return List.of();
        }
        int[] cluster = KMeans.assign(vectors, Math.min(regions, tracks.size()), new Random(42));
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < cluster.length; i++) {
            members.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
        }
        List<Planned> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (List<Integer> group : members.values()) {
            IndexedTrack centre = tracks.get(KMeans.medoid(vectors, group));
            String name = PREFIX + uniqueName(regionName(group, tracks), names);
            out.add(new Planned(name, mix(List.of(service.resolve(centre.id())), Set.of())));
        }
        return out;
    }

    /** A mix around the weighted centre of what the listener played (and starred), none of those songs in it. */
    Planned forPlays(List<Weighted> played) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Weighted w : played) {
            IndexedTrack t = mapping.byRemoteId().get(w.remoteId());
            float[] v = t == null || w.weight() <= 0 ? null : service.vector(t.id()).orElse(null);
            if (v != null) {
                vectors.add(v);
                weights.add(w.weight());
                used.add(t.id());
            }
        }
        if (vectors.isEmpty()) {
            return null;
        }
        float[] centre = service.space().centre(vectors, weights.stream().mapToDouble(Double::doubleValue).toArray());
        Seed seed = new Seed("your recent plays", centre, null, true);
        return new Planned(PREFIX + "from your recent plays", mix(List.of(seed), used));
    }

    /** A mix of songs the server has, never one of {@code avoid}. */
    private List<String> mix(List<Seed> seeds, Set<String> avoid) throws IOException {
        int wanted = Math.min(org.songspace.similarity.SearchOptions.MAX_K, count * 3 + avoid.size());
        List<String> out = new ArrayList<>();
        for (Match m : service.mix(seeds, MixOptions.ofCount(Math.min(wanted, Math.max(1, service.size() - 1))))) {
            String remote = mapping.remoteIdOf().get(m.id());
            if (remote != null && !avoid.contains(m.id()) && out.size() < count) {
                out.add(remote);
            }
        }
        return out;
    }

    private static String regionName(List<Integer> group, List<IndexedTrack> tracks) {
        Map<String, Integer> votes = new HashMap<>();
        for (int i : group) {
            IndexedTrack t = tracks.get(i);
            String genre = t.tags() != null && t.tags().genre() != null ? t.tags().genre() : t.label();
            String key = genre != null ? genre : t.artist();
            if (key != null) {
                votes.merge(key.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).findFirst().orElse("mix");
    }

    private static String uniqueName(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + " " + n;
        }
        return name;
    }
}
