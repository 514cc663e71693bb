package org.songspace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.songspace.embed.Embedder;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.SimilarityIndex;
import org.songspace.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Songs like this one: the k nearest tracks of the index to QUERY, a track id of the index or any "
                + "audio file (embedded on the fly with the index's model). The query track itself is never listed."},
        footer = {"", "Examples:", "  ./songspace similar music-index blues/blues.00000 -k 10",
            "  ./songspace similar music-index ~/new-song.mp3 --json --exclude-same-artist"})
final class SimilarCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Parameters(index = "1", paramLabel = "QUERY", description = "A track id in the index, or an audio file.")
    String query;

    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "Results (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--exclude-same-artist", description = "Leave out tracks by the query's artist (where known).")
    boolean excludeSameArtist;

    @Option(names = "--exact", description = "Exact brute-force search instead of HNSW (to check it).")
    boolean exact;

    @Override
    public Integer call() throws Exception {
        if (k <= 0) {
            throw new IllegalArgumentException("-k must be positive, got " + k);
        }
        IndexManifest manifest = LibraryIndexer.manifest(indexDir);
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            var byId = index.get(query);
            float[] vector;
            String artist = null;
            String described;
            if (byId.isPresent()) {
                vector = byId.get().vector();
                artist = byId.get().artist();
                described = query;
            } else if (Files.isRegularFile(Path.of(query))) {
                try (Embedder embedder = Embedder.open(indexDir.resolve(LibraryIndexer.MODEL_DIR))) {
                    vector = embedder.embedAudio(Path.of(query));
                }
                described = query + " (embedded with " + manifest.modelId() + ")";
            } else {
                throw new IllegalArgumentException("QUERY '" + query + "' is neither a track id in " + indexDir
                        + " nor an audio file");
            }
            Set<String> exclude = byId.isPresent() ? Set.of(query) : Set.of();
            String excludeArtist = excludeSameArtist ? artist : null;
            List<SimilarityIndex.Hit> hits = exact ? index.exact(vector, k, exclude, excludeArtist)
                    : index.search(vector, k, exclude, excludeArtist);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("query", query);
                out.put("model", manifest.modelId());
                out.put("mode", exact ? "exact" : "hnsw");
                out.put("results", hits.stream().map(SimilarityIndex.Hit::toJson).toList());
                System.out.println(Json.mapper().writeValueAsString(out));
            } else {
                System.out.printf("songs like %s (%s, %d of %d tracks):%n", described, exact ? "exact" : "HNSW", hits.size(),
                        index.size());
                int rank = 1;
                for (SimilarityIndex.Hit h : hits) {
                    IndexedTrack t = h.track();
                    System.out.printf("%3d  %.4f  %-14s %s%s%n", rank++, h.similarity(), t.label() == null ? "-" : t.label(),
                            t.id(), t.title() == null || t.id().endsWith(t.title()) ? ""
                                    : "  \"" + t.title() + "\"" + (t.artist() == null ? "" : " - " + t.artist()));
                }
            }
        }
        return 0;
    }
}
