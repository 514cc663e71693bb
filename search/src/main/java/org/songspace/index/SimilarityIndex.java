package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.songspace.io.UserError;
import org.songspace.vectors.Knn;
import org.songspace.vectors.Vectors;

/**
 * An embedded Lucene index of track embeddings with HNSW vector search (cosine), plus an exact
 * brute-force mode to check it. Reading: {@link #open}; writing: {@link IndexUpdate}.
 */
public final class SimilarityIndex implements AutoCloseable {
    static final String LUCENE_DIR = "lucene";
    /** Beam width of HNSW queries (efSearch): 160 gives recall@10 0.985 on 10k random 64-d vectors (100: 0.95); measured in SimilarityIndexTest. */
    static final int CANDIDATES = 160;

    /**
     * Candidates re-ranked by the divergence when HNSW holds only keys (timbre): at least this many, and at
     * least {@value #RERANK_SHARE_PERCENT} % of the library. The keys are a rough guide (recall@10 against
     * exact with 20 % of a real library re-ranked: 0.8; with 5 %: 0.4; docs/results.md), hence the exact
     * search up to {@value #EXACT_LIMIT} tracks.
     */
    static final int RERANK_CANDIDATES = 2000;
    static final int RERANK_SHARE_PERCENT = 20;
    /**
     * Up to this many tracks, a re-ranked space is searched exactly: every divergence, from Gaussians read
     * once and kept in memory (5.1 KB a track, 255 MB at the limit; ~2.5k multiply-adds per divergence).
     */
    static final int EXACT_LIMIT = 50_000;

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final VectorSpace space;
    /** Every track with its full vector, read once for exact searches of a re-ranked space (timbre). */
    private List<IndexedTrack> allForExact;

    /** A search result: the track (without vector) and its similarity to the query ({@link VectorSpace}). */
    public record Hit(IndexedTrack track, double similarity) {
    }

    private SimilarityIndex(FSDirectory directory, DirectoryReader reader, VectorSpace space) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.space = space;
    }

    /** How a search of this index runs, for people: "hnsw", "exact", or the timbre model's two ways. */
    public String describeSearch(boolean exact) {
        if (!space.reranks()) {
            return exact ? "exact" : "hnsw";
        }
        return exact || size() <= EXACT_LIMIT ? "exact divergence" : "hnsw candidates re-ranked by divergence";
    }

    /** How this index's vectors compare. */
    public VectorSpace space() {
        return space;
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

    /** Adds or replaces {@code upserts} (by id) and deletes {@code deletions} in one commit. */
    public static void update(Path indexDir, Collection<IndexedTrack> upserts, Collection<String> deletions)
            throws IOException {
        try (IndexUpdate update = IndexUpdate.open(indexDir)) {
            for (String id : deletions) {
                update.delete(id);
            }
            for (IndexedTrack t : upserts) {
                update.upsert(t);
            }
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /** Every live track, with its vector, in index order. */
    public List<IndexedTrack> all() throws IOException {
        List<IndexedTrack> out = new ArrayList<>();
        forEachVector((track, v) -> out.add(track.withVector(v)));
        return out;
    }

    /** Id -> track without its vector (stored fields only: listing a big library reads no vectors). */
    public Map<String, IndexedTrack> tracks() throws IOException {
        Map<String, IndexedTrack> out = new LinkedHashMap<>();
        StoredFields stored = searcher.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    IndexedTrack t = TrackDocuments.read(stored, leaf.docBase + doc);
                    out.put(t.id(), t);
                }
            }
        }
        return out;
    }

    /** The track with this id, with its vector. */
    public Optional<IndexedTrack> get(String id) throws IOException {
        return first(new TermQuery(new Term(TrackDocuments.ID, id)));
    }

    /** The track embedded from this audio file (absolute, normalised path), with its vector. */
    public Optional<IndexedTrack> byPath(Path file) throws IOException {
        return first(new TermQuery(new Term(TrackDocuments.PATH, file.toAbsolutePath().normalize().toString())));
    }

    /**
     * The track a media server knows by other means: a MusicBrainz recording id, an ISRC, or
     * "Artist - Title" (case-insensitive), as its tags say.
     */
    public Optional<IndexedTrack> byIdentifier(String key) throws IOException {
        for (Query q : TrackDocuments.identifierQueries(key)) {
            Optional<IndexedTrack> t = first(q);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private Optional<IndexedTrack> first(Query query) throws IOException {
        TopDocs top = searcher.search(query, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        int doc = top.scoreDocs[0].doc;
        IndexedTrack meta = TrackDocuments.read(searcher.storedFields(), doc);
        if (space.reranks()) {
            return Optional.of(meta.withVector(TrackDocuments.rawVector(searcher.storedFields(), doc)));
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            if (doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(TrackDocuments.VECTOR);
                if (values != null && values.advance(doc - leaf.docBase) == doc - leaf.docBase) {
                    return Optional.of(meta.withVector(values.vectorValue().clone()));
                }
            }
        }
        return Optional.of(meta);
    }

    /**
     * The k most similar tracks by HNSW search, leaving out what {@code exclusions} names. Where HNSW holds
     * only keys (timbre), a small index is searched exactly and a large one re-ranks the HNSW candidates
     * (at least {@value #RERANK_CANDIDATES}) by the true similarity.
     */
    public List<Hit> search(float[] query, int k, Exclusions exclusions) throws IOException {
        checkDimension(query);
        if (space.reranks()) {
            return size() <= EXACT_LIMIT ? exact(query, k, exclusions)
                    : rerankedSearch(query, k, Math.max(Math.max(RERANK_CANDIDATES, 10 * k),
                            size() / 100 * RERANK_SHARE_PERCENT), exclusions);
        }
        return hnsw(query, k, exclusions);
    }

    /**
     * The k best of the {@code candidates} HNSW neighbours of the query's key, by the space's true
     * similarity (what {@link #search} does for the timbre model above {@value #EXACT_LIMIT} tracks; public
     * so that its recall against {@link #exact} can be measured on any index).
     */
    public List<Hit> rerankedSearch(float[] query, int k, int candidates, Exclusions exclusions) throws IOException {
        checkDimension(query);
        return best(hnsw(query, candidates, exclusions), k);
    }

    /** The k HNSW neighbours of the query's key, each with the space's similarity to the query. */
    private List<Hit> hnsw(float[] query, int k, Exclusions exclusions) throws IOException {
        // Lucene's k is also the HNSW beam width: explore CANDIDATES and keep the best k, for recall near exact.
        TopDocs top = searcher.search(new KnnFloatVectorQuery(TrackDocuments.VECTOR, space.key(query),
                Math.max(k, CANDIDATES), filter(exclusions)), k);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            // Lucene's cosine score is (1 + cos) / 2; re-ranked spaces compare the full stored vectors.
            double similarity = space.reranks() ? space.similarity(query, TrackDocuments.rawVector(stored, sd.doc))
                    : 2.0 * sd.score - 1.0;
            hits.add(new Hit(TrackDocuments.read(stored, sd.doc), similarity));
        }
        return hits;
    }

    private synchronized List<IndexedTrack> allWithVectors() throws IOException {
        if (allForExact == null) {
            allForExact = all();
        }
        return allForExact;
    }

    private static List<Hit> best(List<Hit> hits, int k) {
        hits.sort(java.util.Comparator.comparingDouble((Hit h) -> -h.similarity()).thenComparing(h -> h.track().id()));
        return new ArrayList<>(hits.subList(0, Math.min(k, hits.size())));
    }

    private static Query filter(Exclusions exclusions) {
        if (exclusions.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        exclusions.ids().forEach(id -> b.add(new TermQuery(new Term(TrackDocuments.ID, id)), BooleanClause.Occur.MUST_NOT));
        exclusions.artists().forEach(a -> b.add(new TermQuery(new Term(TrackDocuments.ARTIST, a)), BooleanClause.Occur.MUST_NOT));
        exclusions.albums().forEach(a -> b.add(new TermQuery(new Term(TrackDocuments.ALBUM, a)), BooleanClause.Occur.MUST_NOT));
        return b.build();
    }

    /** The exact k most similar tracks by scanning every vector (for checking HNSW). */
    public List<Hit> exact(float[] query, int k, Exclusions exclusions) throws IOException {
        checkDimension(query);
        List<Hit> hits = new ArrayList<>();
        if (space.reranks()) {
            // Stored Gaussians are read (and decompressed) once: the reader is a fixed snapshot.
            for (IndexedTrack t : allWithVectors()) {
                if (!exclusions.excludes(t)) {
                    hits.add(new Hit(t.withVector(null), space.similarity(query, t.vector())));
                }
            }
            return best(hits, k);
        }
        List<IndexedTrack> tracks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        forEachVector((track, v) -> {
            tracks.add(track);
            vectors.add(v);
        });
        if (tracks.isEmpty()) {
            return List.of();
        }
        Knn scan = new Knn(vectors.toArray(new float[0][]), new int[tracks.size()], 1, Knn.Metric.COSINE);
        float[] q = Vectors.normalise(query.clone());
        for (int i : scan.nearest(q, k, i -> exclusions.excludes(tracks.get(i)))) {
            // Stored vectors are unit length: the dot product is the cosine.
            hits.add(new Hit(tracks.get(i), Vectors.dot(q, vectors.get(i))));
        }
        return hits;
    }

    private void checkDimension(float[] query) throws IOException {
        if (space.reranks()) {
            // Keys have their own size; the query must be a vector of the space (a packed Gaussian).
            try {
                org.songspace.vectors.GaussianTimbre.dimensionOf(query.length);
            } catch (IllegalArgumentException e) {
                throw new UserError("query vector of " + query.length + " floats for an index of timbre Gaussians", e);
            }
            return;
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(TrackDocuments.VECTOR);
            if (values != null && values.dimension() != query.length) {
                throw new UserError("query vector has " + query.length + " dimensions, the index holds "
                        + values.dimension());
            }
        }
    }

    private interface VectorVisitor {
        void visit(IndexedTrack track, float[] vector) throws IOException;
    }

    private void forEachVector(VectorVisitor visitor) throws IOException {
        StoredFields stored = searcher.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(TrackDocuments.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    float[] v = space.reranks() ? TrackDocuments.rawVector(stored, leaf.docBase + doc)
                            : values.vectorValue().clone();
                    visitor.visit(TrackDocuments.read(stored, leaf.docBase + doc), v);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (directory; reader) {
            // both closed, reader first
        }
    }
}
