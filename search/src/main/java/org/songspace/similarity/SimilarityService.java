package org.songspace.similarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioFormatException;
import org.songspace.audio.AudioLoader;
import org.songspace.embed.TrackEmbedder;
import org.songspace.index.Exclusions;
import org.songspace.index.HubnessStats;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.LibraryMap;
import org.songspace.index.SimilarityIndex;
import org.songspace.io.UserError;

/**
 * "Songs like this one" for every front end (the CLI, the web map, the Subsonic API): resolves a query
 * to a {@link Seed} (an indexed id, the path of an indexed file, or new audio, embedded with the index's
 * own model), searches, applies the variety rules, and places the seed on the library map. Thread-safe:
 * searches run concurrently, and at most {@code maxConcurrentEmbeds} embeddings run at once.
 */
public final class SimilarityService implements AutoCloseable {
    /** Embeddings run at once by default: the CPU cores of the machine this was measured on. */
    public static final int DEFAULT_CONCURRENT_EMBEDS = 2;
    /** Longest path: each step is a search, so a front end must not let one request ask for thousands. */
    public static final int MAX_PATH = 100;

    /** Candidates re-ranked by mutual proximity. */
    static final int MP_CANDIDATES = 200;

    private final Path indexDir;
    private HubnessStats hubness;
    private final IndexManifest manifest;
    private final SimilarityIndex index;
    private final Map<String, IndexedTrack> tracks;
    private final Map<String, float[]> positions;
    private final BoundedPool<TrackEmbedder> embedders;
    private final boolean modelRanksByMutualProximity;

    private SimilarityService(Path indexDir, IndexManifest manifest, SimilarityIndex index, Map<String, float[]> positions,
                              BoundedPool<TrackEmbedder> embedders) throws IOException {
        this.indexDir = indexDir;
        this.manifest = manifest;
        this.index = index;
        this.tracks = Map.copyOf(index.tracks());
        this.positions = positions;
        this.embedders = embedders;
        // Asked of the model once: its folder does not change under an open index.
        Path model = indexDir.resolve(LibraryIndexer.MODEL_DIR);
        this.modelRanksByMutualProximity = TrackEmbedder.isModel(model) && TrackEmbedder.info(model).rankedByMutualProximity();
    }

    public static SimilarityService open(Path indexDir) throws IOException {
        return open(indexDir, DEFAULT_CONCURRENT_EMBEDS);
    }

    /** Opens an index folder; nothing stays open when any part of it cannot be read. */
    public static SimilarityService open(Path indexDir, int maxConcurrentEmbeds) throws IOException {
        IndexManifest manifest = LibraryIndexer.manifest(indexDir);
        SimilarityIndex index = SimilarityIndex.open(indexDir);
        try {
            Map<String, float[]> positions = LibraryMap.exists(indexDir) ? LibraryMap.read(indexDir).positions() : Map.of();
            return new SimilarityService(indexDir, manifest, index, Map.copyOf(positions),
                    new BoundedPool<>(() -> TrackEmbedder.open(indexDir.resolve(LibraryIndexer.MODEL_DIR)), maxConcurrentEmbeds));
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public int size() {
        return tracks.size();
    }

    /** Every indexed track, without vectors. */
    public Collection<IndexedTrack> tracks() {
        return tracks.values();
    }

    public Optional<IndexedTrack> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /**
     * Reads what searching keeps in memory (the timbre model's Gaussians for its exact search) by searching
     * once for the first track, so that a server's first listener does not wait for it.
     */
    public void warmUp() throws IOException {
        Optional<IndexedTrack> first = tracks().stream().findFirst();
        if (first.isPresent()) {
            index.search(vector(first.get().id()).orElseThrow(), 1, org.songspace.index.Exclusions.NONE);
        }
    }

    /** How this index's vectors compare, and what the centre of several of them is. */
    public org.songspace.index.VectorSpace space() {
        return index.space();
    }

    /** The stored embedding of an indexed track. */
    public Optional<float[]> vector(String id) throws IOException {
        return index.get(id).map(IndexedTrack::vector);
    }

    /** The track's position on the library map, or empty when the map does not know it. */
    public Optional<float[]> position(String id) {
        return Optional.ofNullable(positions.get(id));
    }

    /**
     * A query as a user types it: a track id of the index; else a file. The path of an indexed file whose
     * size and modification time are unchanged uses the stored vector; any other audio file is embedded.
     */
    public Seed resolve(String query) throws IOException {
        Optional<IndexedTrack> byId = index.get(query);
        if (byId.isPresent()) {
            return new Seed(query, byId.get().vector(), byId.get(), false);
        }
        Path file = asFile(query);
        if (file == null) {
            Optional<IndexedTrack> known = index.byIdentifier(query);
            if (known.isPresent()) {
                return new Seed(query, known.get().vector(), known.get(), false);
            }
            throw new UserError("'" + query + "' is neither a track id of this index, a MusicBrainz recording id, an "
                    + "ISRC or \"Artist - Title\" of one of its tracks, nor an audio file");
        }
        Optional<IndexedTrack> byPath = index.byPath(file);
        if (byPath.isPresent()
                && byPath.get().sameSource(Files.size(file), Files.getLastModifiedTime(file).toMillis())) {
            return new Seed(query, byPath.get().vector(), byPath.get(), false);
        }
        float[] vector = embedders.with(e -> e.embedAudio(file, manifest.excerptOrWhole()));
        // A changed file of the library is still that track: embedded afresh, but never its own neighbour.
        return new Seed(query, vector, byPath.map(t -> t.withVector(null)).orElse(null), true);
    }

    private static Path asFile(String query) {
        try {
            Path p = Path.of(query);
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Audio that is not a file of the library (an upload): decoded and embedded in memory. */
    public Seed embed(byte[] audio, String name) throws IOException {
        AudioClip clip;
        try {
            clip = AudioLoader.decode(audio);
        } catch (AudioFormatException e) {
            throw e.in(name);
        }
        return new Seed(name, embedders.with(e -> e.embedClip(clip)), null, true);
    }

    /** The nearest tracks to the seed, most similar first, never the seed itself. */
    public Neighbours similar(Seed seed, SearchOptions options) throws IOException {
        Exclusions exclusions = exclusionsFor(seed, options);
        boolean mutualProximity = resolve(options.mutualProximity());
        int wanted = mutualProximity ? Math.min(SearchOptions.MAX_K, Math.max(MP_CANDIDATES, 10 * options.k()))
                : options.k();
        List<SimilarityIndex.Hit> hits = options.exact() ? index.exact(seed.vector(), wanted, exclusions)
                : index.search(seed.vector(), wanted, exclusions);
        if (mutualProximity) {
            return rankedByMutualProximity(seed, hits, options);
        }
        float[] position = seed.indexedTrack().flatMap(t -> position(t.id())).orElse(null);
        if (position == null) {
            List<SimilarityIndex.Hit> around = hits.size() >= LibraryMap.PLACEMENT_NEIGHBOURS ? hits
                    : index.search(seed.vector(), LibraryMap.PLACEMENT_NEIGHBOURS, Exclusions.NONE);
            position = LibraryMap.positionAmong(around, positions);
        }
        return new Neighbours(seed, hits.stream().map(Match::of).toList(), index.describeSearch(options.exact()), position);
    }

    /**
     * A mix from one or more seeds under the variety rules (see {@link MixPlanner}); never a seed. Each
     * match's similarity is in [0, 1], to the seeds' mean.
     */
    public List<Match> mix(List<Seed> seeds, MixOptions options) throws IOException {
        if (seeds.isEmpty()) {
            throw new UserError("a mix needs at least one seed track");
        }
        return planner(options.mutualProximity()).mix(seeds, options);
    }

    /**
     * A path of at most {@code count} tracks from {@code start} to {@code end} (both indexed), each step
     * closer to the end (see {@link MixPlanner}); similarities in [0, 1] to the start.
     */
    public List<Match> path(Seed start, Seed end, int count) throws IOException {
        return path(start, end, count, null);
    }

    /** The same, each step's candidates ranked by mutual proximity to its target as asked (null: the index's default). */
    public List<Match> path(Seed start, Seed end, int count, Boolean mutualProximity) throws IOException {
        if (count < 2 || count > MAX_PATH) {
            throw new UserError("a path has 2 to " + MAX_PATH + " tracks, got " + count);
        }
        IndexedTrack from = start.indexedTrack().orElseThrow(() -> new UserError("a path starts at a track of the index"));
        IndexedTrack to = end.indexedTrack().orElseThrow(() -> new UserError("a path ends at a track of the index"));
        return planner(mutualProximity).path(from.withVector(start.vector()), to.withVector(end.vector()), count);
    }

    /**
     * Whether songs are ranked by mutual proximity when the caller does not say: for the timbre model,
     * where it is worth 2.7 points of unseen-artist k-NN on emotify-dev (0.558 -> 0.585, artist-grouped
     * 5-fold) and takes its hubness from 2.99 to 0.96, and for the tag model (0.645 -> 0.668, mean of nine
     * fold assignments); not for encoders, where it brought no steady gain (contrastive 0.606 -> 0.609 +- 0.06,
     * docs/results.md). Needs the index's hubness figures.
     */
    public boolean mutualProximityByDefault() {
        return (index.space().reranks() || modelRanksByMutualProximity) && HubnessStats.exists(indexDir);
    }

    private boolean resolve(Boolean asked) {
        return asked != null ? asked : mutualProximityByDefault();
    }

    private MixPlanner planner(Boolean mutualProximity) throws IOException {
        return new MixPlanner(index, resolve(mutualProximity) ? hubness() : null);
    }

    /**
     * Re-ranks a wide set of cosine candidates by mutual proximity, so that hub tracks (close to everything)
     * stop crowding every list; the candidates are the cosine top {@value #MP_CANDIDATES} (or 10 k).
     */
    private Neighbours rankedByMutualProximity(Seed seed, List<SimilarityIndex.Hit> candidates, SearchOptions options)
            throws IOException {
        HubnessStats stats = hubness();
        float[] own = stats.statsOf(seed.indexedTrack().map(IndexedTrack::id).orElse(""), seed.vector());
        List<Match> ranked = new ArrayList<>();
        for (SimilarityIndex.Hit h : candidates) {
            ranked.add(Match.of(h, MixPlanner.proximity(stats, index, own, h)));
        }
        ranked.sort(java.util.Comparator.comparingDouble((Match m) -> -m.mutualProximity()).thenComparing(Match::id));
        List<Match> top = ranked.subList(0, Math.min(options.k(), ranked.size()));
        float[] position = seed.indexedTrack().flatMap(t -> position(t.id())).orElse(null);
        if (position == null) {
            position = LibraryMap.positionAmong(index.search(seed.vector(), LibraryMap.PLACEMENT_NEIGHBOURS,
                    Exclusions.NONE), positions);
        }
        return new Neighbours(seed, List.copyOf(top), index.describeSearch(options.exact()) + " + mutual proximity", position);
    }

    /** Read on the first mutual-proximity query and kept: the service answers from one snapshot of the index. */
    private synchronized HubnessStats hubness() throws IOException {
        if (hubness == null) {
            if (!HubnessStats.exists(indexDir)) {
                throw new UserError(indexDir + " has no hubness statistics (made by songspace index since 2026-12-01): "
                        + "run index on it again to add them");
            }
            hubness = HubnessStats.read(indexDir);
        }
        return hubness;
    }

    private static Exclusions exclusionsFor(Seed seed, SearchOptions options) {
        Set<String> ids = new HashSet<>();
        Set<String> artists = new HashSet<>();
        Set<String> albums = new HashSet<>();
        seed.indexedTrack().ifPresent(t -> {
            ids.add(t.id());
            if (options.excludeSameArtist() && t.artist() != null) {
                artists.add(t.artist());
            }
            if (options.excludeSameAlbum() && t.album() != null) {
                albums.add(t.album());
            }
        });
        return new Exclusions(ids, artists, albums);
    }

    @Override
    public void close() throws IOException {
        try (index) {
            embedders.close();
        }
    }
}
