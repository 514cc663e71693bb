package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.io.Json;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.Neighbours;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Songs like this one: the k nearest tracks of the index to QUERY, a track id of the index, the "
                + "path of an indexed file (its stored vector is used), a MusicBrainz recording id, an ISRC or "
                + "\"Artist - Title\" from the tracks' tags, or any other audio file (embedded on the fly with the "
                + "index's model). The query track itself is never listed."},
        footer = {"", "Examples:", "  ./songspace similar music-index blues/blues.00000 -k 10",
            "  ./songspace similar music-index ~/new-song.mp3 --json --exclude-same-artist",
            "  ./songspace similar music-index blues/blues.00000 --mutual-proximity",
            "  ./songspace similar music-index \"Artist B - Song 3\" --exclude-same-artist",
            "  ./songspace similar --opensearch http://localhost:9200 blues/blues.00000 -k 10   # a track loaded by export --to",
            "  ./songspace similar music-index ~/new-song.mp3 --opensearch http://localhost:9200"})
final class SimilarCommand implements Callable<Integer> {
    @Parameters(arity = "1..2", paramLabel = "[INDEX] QUERY", description = {"INDEX: an index folder written by index "
            + "(optional with --opensearch, where QUERY is then a track id loaded there).",
        "QUERY: a track id, MusicBrainz recording id, ISRC or \"Artist - Title\" of the index, or an audio file."})
    List<String> positional;

    @Option(names = "--opensearch", paramLabel = "URL",
            description = "Search an OpenSearch k-NN index loaded by export --to opensearch instead of the local index.")
    String openSearch;

    @Option(names = "--index-name", defaultValue = "songs", description = "The OpenSearch index (default: ${DEFAULT-VALUE}).")
    String indexName;

    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "Results (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--exclude-same-artist", description = "Leave out tracks by the query's artist (where known).")
    boolean excludeSameArtist;

    @Option(names = "--exclude-same-album", description = "Leave out tracks from the query's album (where known).")
    boolean excludeSameAlbum;

    @Option(names = "--mutual-proximity", negatable = true,
            description = "Hubness reduction: re-rank a wider set of candidates by mutual proximity, so tracks that are "
                    + "close to everything stop turning up in every list. Default: on for the timbre model (measured "
                    + "better), off for learned embeddings (no steady gain); --no-mutual-proximity turns it off.")
    Boolean mutualProximity;

    @Option(names = "--exact", description = "Exact brute-force search instead of HNSW (to check it).")
    boolean exact;

    /** The JSON answer of {@code --json}. */
    record Answer(String query, String model, String mode, String seed, List<Match> results) {
    }

    @Override
    public Integer call() throws Exception {
        if (positional.size() == 1 && openSearch == null) {
            throw new UserError("give INDEX and QUERY (or --opensearch URL and a QUERY track id)");
        }
        String query = positional.get(positional.size() - 1);
        Path indexDir = positional.size() == 2 ? Path.of(positional.get(0)) : null;
        if (openSearch != null) {
            return new OpenSearchSimilar(openSearch, indexName, json).run(indexDir, query, k);
        }
        SearchOptions options = SearchOptions.builder().k(k).exact(exact).mutualProximity(mutualProximity)
                .excludeSameArtist(excludeSameArtist)
                .excludeSameAlbum(excludeSameAlbum).build();
        try (SimilarityService service = SimilarityService.open(indexDir)) {
            Seed seed = service.resolve(query);
            Neighbours answer = service.similar(seed, options);
            String model = service.manifest().modelId();
            String seedId = seed.indexedTrack().map(t -> t.id()).orElse(null);
            print(new Answer(query, model, answer.mode(), seedId, answer.matches()), seed.describe(model), service.size(), json);
        }
        return 0;
    }

    /** The answer as JSON, or as a table headed by the seed and how the search ran. */
    static void print(Answer answer, String seedDescription, long librarySize, boolean json) throws java.io.IOException {
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(answer));
            return;
        }
        System.out.printf(Locale.ROOT, "songs like %s (%s, %d of %d tracks):%n", seedDescription, answer.mode(),
                answer.results().size(), librarySize);
        int rank = 1;
        for (Match m : answer.results()) {
            System.out.printf(Locale.ROOT, "%3d  %.4f%s  %-14s %s%s%n", rank++, m.similarity(),
                    m.mutualProximity() == null ? "" : String.format(Locale.ROOT, "  mp %.3f", m.mutualProximity()),
                    m.label() == null ? "-" : m.label(), m.id(), describe(m));
        }
    }

    /** '  "Title" - Artist (Album, 1999)' from what is known; empty when only the id is. */
    static String describe(Match m) {
        StringBuilder b = new StringBuilder();
        if (m.title() != null && !m.id().endsWith(m.title())) {
            b.append("  \"").append(m.title()).append('"');
        }
        if (m.artist() != null) {
            b.append(b.length() == 0 ? "  " : " - ").append(m.artist());
        }
        Integer year = m.tags() == null ? null : m.tags().year();
        if (m.album() != null || year != null) {
            b.append(" (").append(m.album() == null ? "" : m.album())
                    .append(m.album() != null && year != null ? ", " : "").append(year == null ? "" : year).append(')');
        }
        return b.toString();
    }
}
