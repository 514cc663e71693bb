package org.songspace.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.audio.TrackTags;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.SimilarityIndex;
import org.songspace.io.AtomicFiles;
import org.songspace.io.Csv;
import org.songspace.io.UserError;
import org.songspace.opensearch.OpenSearchIndex;
import org.songspace.vectors.EmbeddingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export an index's vectors for other engines: straight into an OpenSearch k-NN index (--to opensearch "
                + "URL: the index is created with the model's dimension, HNSW on the Lucene engine, cosine; bulk-loaded with "
                + "retries on back-pressure, every item checked), or as a file: opensearch-bulk (NDJSON for the _bulk API; "
                + "the same lines suit an Elasticsearch dense_vector field), npy (+ .csv), or csv."},
        footer = {"", "Examples:", "  ./songspace export music-index --to opensearch http://localhost:9200 --index-name songs",
            "  ./songspace export music-index --format opensearch-bulk --out music.ndjson",
            "  curl -H 'Content-Type: application/x-ndjson' -XPOST localhost:9200/_bulk --data-binary @music.ndjson"})
final class ExportCommand implements Callable<Integer> {
    enum Format { opensearch_bulk, npy, csv }

    /** One JSON object per line, as the _bulk API wants. */
    private static final com.fasterxml.jackson.databind.ObjectMapper COMPACT = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The action line of a bulk request: {@code {"index":{"_index":..., "_id":...}}}. */
    record BulkAction(BulkTarget index) {
    }

    record BulkTarget(@JsonProperty("_index") String index, @JsonProperty("_id") String id) {
    }


    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Option(names = "--to", arity = "2", paramLabel = "ENGINE URL",
            description = "Load into a running engine: opensearch http://HOST:9200.")
    List<String> to;

    @Option(names = "--format", description = "File format: opensearch-bulk, npy or csv (with --out).",
            converter = FormatConverter.class)
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (with --format).")
    Path out;

    @Option(names = "--index-name", defaultValue = "songs",
            description = "OpenSearch index to load (--to) or to name in bulk lines (default: ${DEFAULT-VALUE}).")
    String indexName;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.replace('-', '_').toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected opensearch-bulk, npy or csv, got '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if ((to == null) == (format == null) || (format != null) != (out != null)) {
            throw new UserError("give either --to opensearch URL, or --format FORMAT with --out FILE");
        }
        IndexManifest manifest = LibraryIndexer.manifest(indexDir);
        if (to != null) {
            return toOpenSearch(manifest);
        }
        List<IndexedTrack> tracks;
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            tracks = index.all();
        }
        switch (format) {
            case npy -> new EmbeddingSet(manifest.modelId(), tracks.stream().map(t -> new EmbeddingSet.Entry(t.id(), t.path(),
                    t.label(), t.artist())).toList(), tracks.stream().map(IndexedTrack::vector).toArray(float[][]::new)).write(out);
            case csv -> AtomicFiles.write(out, o -> writeCsv(o, tracks, manifest));
            case opensearch_bulk -> AtomicFiles.write(out, o -> writeBulk(o, tracks, manifest));
            default -> throw new IllegalStateException();
        }
        System.out.printf(Locale.ROOT, "export: %d tracks x %d dims (%s) -> %s%n", tracks.size(), manifest.dimension(),
                format.name().replace('_', '-'), out);
        return 0;
    }

    private int toOpenSearch(IndexManifest manifest) throws IOException {
        if (!to.get(0).equalsIgnoreCase("opensearch")) {
            throw new UserError("--to " + to.get(0) + ": the engine songspace loads is opensearch");
        }
        if (manifest.timbre() != null) {
            throw new UserError(indexDir + " holds timbre Gaussians, which are compared by divergence, not cosine: an "
                    + "OpenSearch k-NN index cannot search them; export an index of a learned model");
        }
        OpenSearchIndex target = new OpenSearchIndex(to.get(1), indexName);
        long start = System.nanoTime();
        List<IndexedTrack> tracks;
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            tracks = index.all();
        }
        target.create(manifest.dimension(), manifest.modelId());
        target.bulk(tracks.stream().map(t -> document(t, manifest)).toList());
        System.out.printf(Locale.ROOT, "export: %d tracks x %d dims -> OpenSearch %s index %s (%d documents) in %.1f s%n",
                tracks.size(), manifest.dimension(), to.get(1), indexName, target.count(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    static OpenSearchIndex.Document document(IndexedTrack t, IndexManifest m) {
        return new OpenSearchIndex.Document(t.id(), t.title(), t.label(), t.artist(), t.album(), t.path(), t.durationSeconds(),
                t.tags(), m.modelId(), org.songspace.vectors.Vectors.normalise(t.vector().clone()));
    }

    private static void writeCsv(java.io.OutputStream o, List<IndexedTrack> tracks, IndexManifest m) throws IOException {
        List<String> header = new java.util.ArrayList<>(List.of("id", "label", "artist", "album", "title", "path", "model_id",
                "album_artist", "track", "year", "genre", "musicbrainz_recording_id", "musicbrainz_release_id", "isrc"));
        for (int i = 0; i < m.dimension(); i++) {
            header.add("v" + i);
        }
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (IndexedTrack t : tracks) {
            TrackTags g = t.tags() == null ? TrackTags.NONE : t.tags();
            List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(t.id(), t.label(), t.artist(), t.album(),
                    t.title(), t.path(), m.modelId(), g.albumArtist(), g.trackNumber(), g.year(), g.genre(),
                    g.musicBrainzRecordingId(), g.musicBrainzReleaseId(), g.isrc()));
            for (float v : t.vector()) {
                row.add(v);
            }
            rows.add(row);
        }
        Csv.write(o, header, rows);
    }

    private void writeBulk(java.io.OutputStream o, List<IndexedTrack> tracks, IndexManifest m) throws IOException {
        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
        for (IndexedTrack t : tracks) {
            w.write(COMPACT.writeValueAsString(new BulkAction(new BulkTarget(indexName, t.id()))));
            w.write('\n');
            w.write(COMPACT.writeValueAsString(document(t, m)));
            w.write('\n');
        }
        w.flush();
    }
}
