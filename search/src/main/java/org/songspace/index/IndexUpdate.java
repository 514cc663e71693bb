package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * One writer for a whole update: adds or replaces tracks by id and deletes ids, committing when asked
 * (so a killed run keeps what it committed) and once more on close. Segments are merged by Lucene's
 * tiered policy in the background of normal writes; there is no forced merge, so adding ten tracks
 * writes one small segment instead of rebuilding the whole HNSW graph.
 */
public final class IndexUpdate implements AutoCloseable {
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final VectorSpace space;
    private int pending;

    private IndexUpdate(FSDirectory directory, IndexWriter writer, VectorSpace space) {
        this.directory = directory;
        this.writer = writer;
        this.space = space;
    }

    /** Opens (creating when needed) the Lucene part of an index folder for writing. */
    public static IndexUpdate open(Path indexDir) throws IOException {
        VectorSpace space = VectorSpace.of(indexDir);
        Path lucene = indexDir.resolve(SimilarityIndex.LUCENE_DIR);
        Files.createDirectories(lucene);
        FSDirectory dir = FSDirectory.open(lucene);
        try {
            TieredMergePolicy merges = new TieredMergePolicy();
            // Few, large segments: every segment is one HNSW graph that each query visits.
            merges.setSegmentsPerTier(4);
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(256).setMergePolicy(merges);
            return new IndexUpdate(dir, new IndexWriter(dir, config), space);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    public void upsert(IndexedTrack track) throws IOException {
        writer.updateDocument(new Term(TrackDocuments.ID, track.id()), TrackDocuments.toDocument(track, space));
        pending++;
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(TrackDocuments.ID, id));
        pending++;
    }

    /** Changes since the last commit. */
    public int pending() {
        return pending;
    }

    /** Makes everything written so far durable and visible to new readers. */
    public void commit() throws IOException {
        writer.commit();
        pending = 0;
    }

    @Override
    public void close() throws IOException {
        try (directory; writer) {
            writer.commit();
        }
    }
}
