package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * An embedded Lucene index of track vectors: look-ups by id, path or identifier, and "the k most similar"
 * by the {@link SearchStrategy} its {@link VectorSpace} calls for (HNSW on cosine, or the timbre model's
 * divergence), with an exact mode to check it. Reading: {@link #open}; writing: {@link IndexUpdate}.
 */
public final class SimilarityIndex implements AutoCloseable {
    static final String LUCENE_DIR = "lucene";

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final LuceneTracks tracks;
    private final SearchStrategy strategy;

    /** A search result: the track (without vector) and its similarity to the query ({@link VectorSpace}). */
    public record Hit(IndexedTrack track, double similarity) {
    }

    private SimilarityIndex(FSDirectory directory, DirectoryReader reader, VectorSpace space) {
        this.directory = directory;
        this.reader = reader;
        this.tracks = new LuceneTracks(reader, space);
        this.strategy = SearchStrategy.of(tracks);
    }

    public static SimilarityIndex open(Path indexDir) throws IOException {
        Path lucene = indexDir.resolve(LUCENE_DIR);
        if (!Files.isDirectory(lucene)) {
            throw new IOException(indexDir + " is not a songspace index (no " + LUCENE_DIR + "/ folder; build one with "
                    + "songspace index MODEL LIBRARY --out " + indexDir + ")");
        }
        VectorSpace space = VectorSpace.of(indexDir);
        FSDirectory dir = FSDirectory.open(lucene);
        try {
            return new SimilarityIndex(dir, DirectoryReader.open(dir), space);
        } catch (IOException e) {
            dir.close();
            throw new IOException(indexDir + ": the Lucene index cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Adds or replaces {@code upserts} (by id) and deletes {@code deletions} in one commit. A bulk load
     * (many thousands) is written by a thread per core, each building its own segment's HNSW graph.
     */
    public static void update(Path indexDir, Collection<IndexedTrack> upserts, Collection<String> deletions)
            throws IOException {
        try (IndexUpdate update = IndexUpdate.open(indexDir)) {
            for (String id : deletions) {
                update.delete(id);
            }
            List<IndexedTrack> all = upserts instanceof List<IndexedTrack> list ? list : new java.util.ArrayList<>(upserts);
            int threads = all.size() < BULK ? 1 : Runtime.getRuntime().availableProcessors();
            List<org.songspace.io.Parallel.Task<Void>> parts = new java.util.ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int from = (int) ((long) all.size() * p / threads);
                int to = (int) ((long) all.size() * (p + 1) / threads);
                parts.add(() -> {
                    for (IndexedTrack t : all.subList(from, to)) {
                        update.upsert(t);
                    }
                    return null;
                });
            }
            org.songspace.io.Parallel.run(threads, parts);
        }
    }

    /** Upserts from this many on are written by several threads. */
    static final int BULK = 20_000;

    /** How a search of this index runs, for people: "hnsw", "exact", or the timbre model's two ways. */
    public String describeSearch(boolean exact) {
        return strategy.describe(exact);
    }

    /**
     * Whether a search compares every vector (the timbre model's exact divergence up to its limit): a search
     * for many results then costs what one for a few does.
     */
    public boolean exhaustive() {
        return strategy.exhaustive();
    }

    /** How this index's vectors compare. */
    public VectorSpace space() {
        return tracks.space();
    }

    public int size() {
        return tracks.size();
    }

    /** Lucene segments: each is one HNSW graph that every query visits. */
    public int segments() {
        return tracks.segments();
    }

    /** Every live track, with its vector, in index order. */
    public List<IndexedTrack> all() throws IOException {
        return tracks.all();
    }

    /** Id -> track without its vector (stored fields only: listing a big library reads no vectors). */
    public Map<String, IndexedTrack> tracks() throws IOException {
        return tracks.tracks();
    }

    /** The track with this id, with its vector. */
    public Optional<IndexedTrack> get(String id) throws IOException {
        return tracks.byId(id);
    }

    /** The track embedded from this audio file (absolute, normalised path), with its vector. */
    public Optional<IndexedTrack> byPath(Path file) throws IOException {
        return tracks.byPath(file);
    }

    /**
     * The track a media server knows by other means: a MusicBrainz recording id, an ISRC, or
     * "Artist - Title" (case-insensitive), as its tags say.
     */
    public Optional<IndexedTrack> byIdentifier(String key) throws IOException {
        return tracks.byIdentifier(key);
    }

    /**
     * The k most similar tracks, leaving out what {@code exclusions} names: HNSW for learned embeddings;
     * for timbre Gaussians the exact divergence up to {@value DivergenceSearch#EXACT_LIMIT} tracks, above
     * that HNSW candidates re-ranked by it.
     */
    public List<Hit> search(float[] query, int k, Exclusions exclusions) throws IOException {
        tracks.checkDimension(query);
        return strategy.search(query, k, exclusions);
    }

    /**
     * The k most similar among about {@code candidates} tracks near the query: for many searches in a row
     * (a path's steps), where the timbre model's exact search would compare every track each time. For
     * learned embeddings the same as {@link #search}.
     */
    public List<Hit> approximate(float[] query, int k, int candidates, Exclusions exclusions) throws IOException {
        tracks.checkDimension(query);
        return strategy.approximate(query, k, candidates, exclusions);
    }

    /** The exact k most similar tracks by comparing every vector (for checking the search). */
    public List<Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException {
        tracks.checkDimension(query);
        return strategy.exact(query, k, exclusions);
    }

    /**
     * The k best of the {@code candidates} HNSW neighbours of the query's key, by the space's true
     * similarity (the timbre model's search above the exact limit; public so that its recall against
     * {@link #exact} can be measured on any index).
     */
    public List<Hit> rerankedSearch(float[] query, int k, int candidates, Exclusions exclusions) throws IOException {
        tracks.checkDimension(query);
        return SearchStrategy.best(tracks.hnsw(query, candidates, exclusions), k);
    }

    @Override
    public void close() throws IOException {
        try (directory; reader) {
            // both closed, reader first
        }
    }
}
