package org.songspace.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.apache.lucene.util.Bits;
import org.songspace.io.UserError;

/**
 * What a snapshot of the Lucene index holds, read: tracks by id, path or identifier, every vector in
 * turn, and HNSW neighbours of a key. The search strategies ({@link SearchStrategy}) are built on it.
 */
final class LuceneTracks {
    /**
     * Beam width of HNSW queries (efSearch). With graphs built at beam 64 ({@link IndexUpdate#BEAM_WIDTH}), 190
     * gives recall@10 0.953 at p99 4.4 ms on a million clustered 128-d vectors (160: 0.943; 220: 0.967 but p99
     * 6.1 ms), measured with bench index; SimilarityIndexTest checks >= 0.95 on 10k random 64-d vectors.
     */
    static final int CANDIDATES = 190;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final VectorSpace space;

    LuceneTracks(DirectoryReader reader, VectorSpace space) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.space = space;
    }

    VectorSpace space() {
        return space;
    }

    int size() {
        return reader.numDocs();
    }

    /** Segments, each its own HNSW graph that every query visits. */
    int segments() {
        return reader.leaves().size();
    }

    /** Every live track, with its vector, in index order. */
    List<IndexedTrack> all() throws IOException {
        List<IndexedTrack> out = new ArrayList<>();
        forEachVector((track, v) -> out.add(track.withVector(v)));
        return out;
    }

    /** Id -> track without its vector (stored fields only: listing a big library reads no vectors). */
    Map<String, IndexedTrack> tracks() throws IOException {
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

    Optional<IndexedTrack> byId(String id) throws IOException {
        return first(new TermQuery(new Term(TrackDocuments.ID, id)));
    }

    Optional<IndexedTrack> byPath(Path file) throws IOException {
        return first(new TermQuery(new Term(TrackDocuments.PATH, file.toAbsolutePath().normalize().toString())));
    }

    Optional<IndexedTrack> byIdentifier(String key) throws IOException {
        for (Query q : TrackDocuments.identifierQueries(key)) {
            Optional<IndexedTrack> t = first(q);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The first track the query finds, with its vector. */
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

    /** The k HNSW neighbours of the query's key, each with the space's similarity to the query. */
    List<SimilarityIndex.Hit> hnsw(float[] query, int k, Exclusions exclusions) throws IOException {
        // Lucene's k is also the HNSW beam width: explore CANDIDATES and keep the best k, for recall near exact.
        TopDocs top = searcher.search(new KnnFloatVectorQuery(TrackDocuments.VECTOR, space.key(query),
                Math.max(k, CANDIDATES), filter(exclusions)), k);
        StoredFields stored = searcher.storedFields();
        List<SimilarityIndex.Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            // Lucene's cosine score is (1 + cos) / 2; re-ranked spaces compare the full stored vectors.
            double similarity = space.reranks() ? space.similarity(query, TrackDocuments.rawVector(stored, sd.doc))
                    : 2.0 * sd.score - 1.0;
            hits.add(new SimilarityIndex.Hit(TrackDocuments.read(stored, sd.doc), similarity));
        }
        return hits;
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

    /** Refuses a query that is not a vector of this index's space, naming both sizes. */
    void checkDimension(float[] query) throws IOException {
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

    interface DocVisitor {
        void visit(int doc, float[] vector) throws IOException;
    }

    /**
     * Every live document's index-wide number and HNSW vector (the key), reading no stored fields: a scan
     * of a million vectors that reads each track's metadata would spend most of its time there.
     */
    void forEachKey(DocVisitor visitor) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(TrackDocuments.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    visitor.visit(leaf.docBase + doc, values.vectorValue());
                }
            }
        }
    }

    /** The track (without vector) of an index-wide document number. */
    IndexedTrack track(int doc) throws IOException {
        return TrackDocuments.read(searcher.storedFields(), doc);
    }

    interface VectorVisitor {
        void visit(IndexedTrack track, float[] vector) throws IOException;
    }

    /** Every live track (without vector) with its full vector: the stored one where HNSW holds only keys. */
    void forEachVector(VectorVisitor visitor) throws IOException {
        StoredFields stored = searcher.storedFields();
        forEachKey((doc, key) -> visitor.visit(TrackDocuments.read(stored, doc),
                space.reranks() ? TrackDocuments.rawVector(stored, doc) : key.clone()));
    }
}
