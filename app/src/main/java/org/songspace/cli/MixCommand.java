package org.songspace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.io.Json;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A mix: COUNT tracks like one or more SEEDs together (nearest to the seeds' mean), never a seed, "
                + "with no artist repeated within --artist-window tracks and no album within --album-window (the seeds "
                + "open the mix). With --to END: a path from the seed to END instead, every step closer to END.",
            "Seeds are what similar takes: track ids, indexed files, MusicBrainz recording ids, ISRCs, \"Artist - Title\"."},
        footer = {"", "Examples:", "  ./songspace mix music-index blues/blues.00000 jazz/jazz.00003 --count 20",
            "  ./songspace mix music-index blues/blues.00000 --to metal/metal.00002 --count 10 --json"})
final class MixCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SEED", description = "One or more seed tracks.")
    List<String> seeds;

    @Option(names = "--to", paramLabel = "END", description = "Make a path from the (single) seed to this track.")
    String to;

    @Option(names = {"-n", "--count"}, defaultValue = "25", description = "Tracks (default: ${DEFAULT-VALUE}; a path counts both ends).")
    int count;

    @Option(names = "--artist-window", defaultValue = "3",
            description = "No artist twice within this many tracks; 0 = off (default: ${DEFAULT-VALUE}).")
    int artistWindow;

    @Option(names = "--album-window", defaultValue = "5",
            description = "No album twice within this many tracks; 0 = off (default: ${DEFAULT-VALUE}).")
    int albumWindow;

    @Option(names = "--mutual-proximity", negatable = true,
            description = "Rank candidates by mutual proximity before the variety rules pick. Default: on for the timbre "
                    + "model (measured better), off for learned embeddings; --no-mutual-proximity turns it off.")
    Boolean mutualProximity;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    /** The JSON answer of {@code --json}: kind is "mix" or "path". */
    record Answer(String kind, List<String> seeds, String to, String model, List<Match> results) {
    }

    @Override
    public Integer call() throws Exception {
        if (to != null && seeds.size() != 1) {
            throw new UserError("--to makes a path from one seed; got " + seeds.size() + " seeds");
        }
        try (SimilarityService service = SimilarityService.open(indexDir)) {
            List<Seed> resolved = new ArrayList<>();
            for (String s : seeds) {
                resolved.add(service.resolve(s));
            }
            List<Match> results = to == null ? service.mix(resolved, new MixOptions(count, artistWindow, albumWindow, mutualProximity))
                    : service.path(resolved.get(0), service.resolve(to), count, mutualProximity);
            String model = service.manifest().modelId();
            if (json) {
                System.out.println(Json.mapper().writeValueAsString(
                        new Answer(to == null ? "mix" : "path", seeds, to, model, results)));
                return 0;
            }
            System.out.printf(Locale.ROOT, to == null ? "mix of %d tracks like %s:%n" : "path of %d tracks from %s to " + to + ":%n",
                    results.size(), String.join(" + ", seeds));
            int rank = 1;
            for (Match m : results) {
                System.out.printf(Locale.ROOT, "%3d  %.4f  %-14s %s%s%n", rank++, m.similarity(),
                        m.label() == null ? "-" : m.label(), m.id(), SimilarCommand.describe(m));
            }
        }
        return 0;
    }
}
