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
import org.songspace.vectors.EmbeddingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export an index's vectors for other engines: opensearch-bulk (NDJSON for the _bulk API of an "
                + "OpenSearch k-NN index; the same lines suit an Elasticsearch dense_vector field), npy (+ .csv), or csv."},
        footer = {"", "Example:", "  ./songspace export music-index --format opensearch-bulk --out music.ndjson",
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

    /** One track as an OpenSearch document; {@code tags} is everything the file's tags said (or null). */
    record BulkDocument(String id, String title, String label, String artist, String album, String path, double duration,
                        TrackTags tags, @JsonProperty("model_id") String modelId, float[] embedding) {
    }

    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Option(names = "--format", required = true, description = "opensearch-bulk, npy or csv.",
            converter = FormatConverter.class)
    Format format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(names = "--index-name", defaultValue = "songs", description = "Target index name in bulk lines (default: ${DEFAULT-VALUE}).")
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
        IndexManifest manifest = LibraryIndexer.manifest(indexDir);
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
            BulkDocument doc = new BulkDocument(t.id(), t.title(), t.label(), t.artist(), t.album(), t.path(),
                    t.durationSeconds(), t.tags(), m.modelId(), t.vector());
            w.write(COMPACT.writeValueAsString(doc));
            w.write('\n');
        }
        w.flush();
    }
}
