package org.songspace.companion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.songspace.similarity.SimilarityService;

/** One {@code songspace sync}: read the server's library, tie it to the index, plan the mixes, write them. */
public final class SyncJob {
    /** Albums of the server's "recent" and "frequent" lists whose songs make up "your recent plays". */
    static final int PLAYED_ALBUMS = 20;
    /** Unmapped songs named one by one in the report; the rest are counted. */
    static final int UNMAPPED_SHOWN = 20;

    public record Options(String server, String user, String password, String apiKey, int perMix, int stars, int regions,
                          boolean dryRun) {
    }

    private SyncJob() {
    }

    /** Runs a sync and reports on {@code out}; true when it went through. */
    public static boolean run(Path indexDir, Options o, PrintStream out) throws IOException {
        try (SimilarityService service = SimilarityService.open(indexDir)) {
            RemoteServer server = RemoteServer.connect(o.server(), o.user(), o.password(), o.apiKey());
            List<RemoteSong> songs = RemoteLibrary.songs(server);
            LibraryMatcher.Mapping mapping = new LibraryMatcher(service.tracks(), service.manifest().library()).map(songs);
            report(out, server, songs, mapping);
            MixPlans plans = new MixPlans(service, mapping, o.perMix());
            List<MixPlans.Planned> planned = new ArrayList<>();
            List<RemoteSong> starred = starred(server);
            planned.addAll(plans.forStars(starred.subList(0, Math.min(o.stars(), starred.size()))));
            planned.addAll(plans.forRegions(o.regions()));
            MixPlans.Planned recent = plans.forPlays(played(server, starred));
            if (recent != null) {
                planned.add(recent);
            }
            planned.removeIf(p -> p.remoteIds().isEmpty());
            PlaylistSync.Outcome done = new PlaylistSync(server, o.dryRun(), out).write(planned);
            out.printf(Locale.ROOT, "sync: %s%d created, %d updated, %d unchanged, %d deleted%n", o.dryRun() ? "(dry run) " : "",
                    done.created(), done.updated(), done.unchanged(), done.deleted());
            return true;
        }
    }

    private static void report(PrintStream out, RemoteServer server, List<RemoteSong> songs, LibraryMatcher.Mapping m) {
        StringBuilder how = new StringBuilder();
        m.counts().forEach((evidence, n) -> how.append(how.length() == 0 ? "" : ", ").append(n).append(" by ")
                .append(evidence.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        out.printf(Locale.ROOT, "sync: %s has %d songs; %d tied to the index (%s), %d not%n", server.url(), songs.size(),
                m.byRemoteId().size(), how.length() == 0 ? "none" : how, m.unmapped().size());
        for (LibraryMatcher.Unmapped u : m.unmapped().subList(0, Math.min(UNMAPPED_SHOWN, m.unmapped().size()))) {
            RemoteSong s = u.song();
            out.printf(Locale.ROOT, "  not tied: %s (%s): %s%n", s.path() != null ? s.path() : s.title(), s.id(), u.reason());
        }
        if (m.unmapped().size() > UNMAPPED_SHOWN) {
            out.printf(Locale.ROOT, "  ... and %d more%n", m.unmapped().size() - UNMAPPED_SHOWN);
        }
    }

    private static List<RemoteSong> starred(RemoteServer server) throws IOException {
        List<RemoteSong> out = new ArrayList<>();
        server.call("getStarred2").path("starred2").path("song").forEach(s -> out.add(RemoteSong.of(s)));
        return out;
    }

    /**
     * What the listener played lately, weighted by plays: the songs of the server's "recent" and "frequent"
     * albums (played songs count their plays, unplayed ones nothing), and starred songs once each.
     */
    private static List<MixPlans.Weighted> played(RemoteServer server, List<RemoteSong> starred) throws IOException {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String type : List.of("recent", "frequent")) {
            JsonNode albums = server.call("getAlbumList2", "type", type, "size", String.valueOf(PLAYED_ALBUMS))
                    .path("albumList2").path("album");
            for (JsonNode album : albums) {
                for (JsonNode s : server.call("getAlbum", "id", album.path("id").asText()).path("album").path("song")) {
                    long plays = s.path("playCount").asLong(0);
                    if (plays > 0) {
                        weights.merge(s.path("id").asText(), (double) plays, Math::max);
                    }
                }
            }
        }
        starred.forEach(s -> weights.merge(s.id(), 1.0, Double::sum));
        return weights.entrySet().stream().map(e -> new MixPlans.Weighted(e.getKey(), e.getValue())).toList();
    }
}
