package org.songspace.companion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes planned playlists into the other server: a playlist of songspace's (its name starts with
 * "songspace: " and the user owns it) is changed in place - same id, its songs replaced - and only when its
 * songs differ; a new one is created; one songspace no longer plans is deleted. Playlists songspace did not
 * make are never touched. A dry run only says what it would do.
 */
final class PlaylistSync {
    /** What a run did (or would do). */
    record Outcome(int created, int updated, int unchanged, int deleted) {
    }

    private final RemoteServer server;
    private final boolean dryRun;
    private final PrintStream out;

    PlaylistSync(RemoteServer server, boolean dryRun, PrintStream out) {
        this.server = server;
        this.dryRun = dryRun;
        this.out = out;
    }

    Outcome write(List<MixPlans.Planned> planned) throws IOException {
        Map<String, String> ours = ownPlaylists();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (MixPlans.Planned p : planned) {
            String id = ours.remove(p.name());
            if (id == null) {
                say("create", p);
                if (!dryRun) {
                    List<String> pairs = new ArrayList<>(List.of("name", p.name()));
                    p.remoteIds().forEach(s -> pairs.addAll(List.of("songId", s)));
                    server.call("createPlaylist", pairs.toArray(String[]::new));
                }
                created++;
                continue;
            }
            List<String> current = songs(id);
            if (current.equals(p.remoteIds())) {
                unchanged++;
                continue;
            }
            say("update", p);
            if (!dryRun) {
                List<String> pairs = new ArrayList<>(List.of("playlistId", id));
                for (int i = 0; i < current.size(); i++) {
                    pairs.addAll(List.of("songIndexToRemove", String.valueOf(i)));
                }
                p.remoteIds().forEach(s -> pairs.addAll(List.of("songIdToAdd", s)));
                server.call("updatePlaylist", pairs.toArray(String[]::new));
            }
            updated++;
        }
        for (Map.Entry<String, String> stale : ours.entrySet()) {
            out.println((dryRun ? "would delete " : "delete ") + "\"" + stale.getKey() + "\" (no longer planned)");
            if (!dryRun) {
                server.call("deletePlaylist", "id", stale.getValue());
            }
        }
        return new Outcome(created, updated, unchanged, ours.size());
    }

    private void say(String action, MixPlans.Planned p) {
        out.println((dryRun ? "would " : "") + action + " \"" + p.name() + "\": " + p.remoteIds().size() + " songs");
    }

    /** Name to id of the user's playlists that songspace made. */
    private Map<String, String> ownPlaylists() throws IOException {
        Map<String, String> ours = new LinkedHashMap<>();
        for (JsonNode p : server.call("getPlaylists").path("playlists").path("playlist")) {
            String name = p.path("name").asText();
            String owner = p.path("owner").asText(server.user());
            if (name.startsWith(MixPlans.PREFIX) && (server.user() == null || owner.equals(server.user()))) {
                ours.putIfAbsent(name, p.path("id").asText());
            }
        }
        return ours;
    }

    private List<String> songs(String playlistId) throws IOException {
        List<String> ids = new ArrayList<>();
        server.call("getPlaylist", "id", playlistId).path("playlist").path("entry").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
