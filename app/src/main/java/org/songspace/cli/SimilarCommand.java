package org.songspace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.io.Json;
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
            "  ./songspace similar music-index \"Artist B - Song 3\" --exclude-same-artist"})
final class SimilarCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Parameters(index = "1", paramLabel = "QUERY",
            description = "A track id, MusicBrainz recording id, ISRC or \"Artist - Title\" of the index, or an audio file.")
    String query;

    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "Results (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--exclude-same-artist", description = "Leave out tracks by the query's artist (where known).")
    boolean excludeSameArtist;

    @Option(names = "--exclude-same-album", description = "Leave out tracks from the query's album (where known).")
    boolean excludeSameAlbum;

    @Option(names = "--mutual-proximity",
            description = "Hubness reduction: re-rank a wider set of candidates by mutual proximity, so tracks that are "
                    + "close to everything stop turning up in every list.")
    boolean mutualProximity;

    @Option(names = "--exact", description = "Exact brute-force search instead of HNSW (to check it).")
    boolean exact;

    /** The JSON answer of {@code --json}. */
    record Answer(String query, String model, String mode, String seed, List<Match> results) {
    }

    @Override
    public Integer call() throws Exception {
        SearchOptions options = SearchOptions.builder().k(k).exact(exact).mutualProximity(mutualProximity)
                .excludeSameArtist(excludeSameArtist)
                .excludeSameAlbum(excludeSameAlbum).build();
        try (SimilarityService service = SimilarityService.open(indexDir)) {
            Seed seed = service.resolve(query);
            Neighbours answer = service.similar(seed, options);
            String model = service.manifest().modelId();
            if (json) {
                String seedId = seed.indexedTrack().map(t -> t.id()).orElse(null);
                System.out.println(Json.mapper().writeValueAsString(
                        new Answer(query, model, answer.mode(), seedId, answer.matches())));
                return 0;
            }
            System.out.printf(Locale.ROOT, "songs like %s (%s, %d of %d tracks):%n", seed.describe(model), answer.mode(),
                    answer.matches().size(), service.size());
            int rank = 1;
            for (Match m : answer.matches()) {
                System.out.printf(Locale.ROOT, "%3d  %.4f%s  %-14s %s%s%n", rank++, m.similarity(),
                        m.mutualProximity() == null ? "" : String.format(Locale.ROOT, "  mp %.3f", m.mutualProximity()),
                        m.label() == null ? "-" : m.label(), m.id(), describe(m));
            }
        }
        return 0;
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
