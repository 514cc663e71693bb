package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * One writer for a whole update: adds or replaces tracks by id and deletes ids (from several threads at
 * once if the caller likes: each builds its own segment's graph), committing when asked (so a killed run
 * keeps what it committed) and once more on close. Segments are merged by Lucene's
 * tiered policy in the background of normal writes; there is no forced merge, so adding ten tracks
 * writes one small segment instead of rebuilding the whole HNSW graph.
 */
public final class IndexUpdate implements AutoCloseable {
    /** HNSW neighbours per node (Lucene's default). */
    static final int MAX_CONN = 16;
    /**
     * HNSW construction beam (efConstruction). 64, not Lucene's 100: a million 128-d vectors build in 155 s
     * instead of over 400 s on 2 cores, and the wider query beam ({@link LuceneTracks#CANDIDATES}) buys the
     * recall back (recall@10 0.953, p99 4.4 ms; docs/performance.md).
     */
    static final int BEAM_WIDTH = 64;
    /** Indexing buffer: a 50,000-track library flushes once; a million-vector build a handful of times (400 MB measured no better). */
    static final double RAM_BUFFER_MB = 256;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final VectorSpace space;
    private final ExecutorService mergeWorkers;
    private final AtomicInteger pending = new AtomicInteger();

    private IndexUpdate(FSDirectory directory, IndexWriter writer, VectorSpace space, ExecutorService mergeWorkers) {
        this.directory = directory;
        this.writer = writer;
        this.space = space;
        this.mergeWorkers = mergeWorkers;
    }

    /** Opens (creating when needed) the Lucene part of an index folder for writing. */
    public static IndexUpdate open(Path indexDir) throws IOException {
        VectorSpace space = VectorSpace.of(indexDir);
        Path lucene = indexDir.resolve(SimilarityIndex.LUCENE_DIR);
        Files.createDirectories(lucene);
        FSDirectory dir = FSDirectory.open(lucene);
        int cores = Runtime.getRuntime().availableProcessors();
        // Merging segments rebuilds their HNSW graphs: with a worker per core it takes a fraction of the time.
        ExecutorService workers = cores > 1 ? Executors.newFixedThreadPool(cores, daemon()) : null;
        try {
            TieredMergePolicy merges = new TieredMergePolicy();
            // Few, large segments: every segment is one HNSW graph that each query visits.
            merges.setSegmentsPerTier(4);
            KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH, workers == null ? 1 : cores, workers);
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB).setMergePolicy(merges).setCodec(new Lucene912Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return vectors;
                        }
                    });
            return new IndexUpdate(dir, new IndexWriter(dir, config), space, workers);
        } catch (IOException | RuntimeException e) {
            dir.close();
            if (workers != null) {
                workers.shutdownNow();
            }
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "songspace-hnsw-merge");
            t.setDaemon(true);
            return t;
        };
    }

    public void upsert(IndexedTrack track) throws IOException {
        writer.updateDocument(new Term(TrackDocuments.ID, track.id()), TrackDocuments.toDocument(track, space));
        pending.incrementAndGet();
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(TrackDocuments.ID, id));
        pending.incrementAndGet();
    }

    /** Changes since the last commit. */
    public int pending() {
        return pending.get();
    }

    /** Makes everything written so far durable and visible to new readers. */
    public void commit() throws IOException {
        writer.commit();
        pending.set(0);
    }

    @Override
    public void close() throws IOException {
        try (directory; writer) {
            writer.commit();
        } finally {
            if (mergeWorkers != null) {
                mergeWorkers.shutdownNow();
            }
        }
    }
}
