package org.songspace.companion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.songspace.io.UserError;

/** Reads another server's songs: {@code search3} with an empty query, paged; else every album's songs. */
final class RemoteLibrary {
    static final int PAGE = 500;
    /** Pages at most (a library of a million songs), so a server that repeats pages cannot loop us. */
    static final int MAX_PAGES = 2000;

    private RemoteLibrary() {
    }

    static List<RemoteSong> songs(RemoteServer server) throws IOException {
        try {
            List<RemoteSong> found = bySearch(server);
            if (!found.isEmpty()) {
                return found;
            }
        } catch (UserError e) {
            // Some servers refuse an empty search3: walk the albums instead.
        }
        return byAlbums(server);
    }

    private static List<RemoteSong> bySearch(RemoteServer server) throws IOException {
        Map<String, RemoteSong> songs = new LinkedHashMap<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode result = server.call("search3", "query", "", "songCount", String.valueOf(PAGE),
                    "songOffset", String.valueOf(page * PAGE), "artistCount", "0", "albumCount", "0").path("searchResult3");
            int before = songs.size();
            result.path("song").forEach(s -> songs.putIfAbsent(s.path("id").asText(), RemoteSong.of(s)));
            if (result.path("song").size() < PAGE || songs.size() == before) {
                break;
            }
        }
        return new ArrayList<>(songs.values());
    }

    private static List<RemoteSong> byAlbums(RemoteServer server) throws IOException {
        Map<String, RemoteSong> songs = new LinkedHashMap<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode albums = server.call("getAlbumList2", "type", "alphabeticalByName", "size", String.valueOf(PAGE),
                    "offset", String.valueOf(page * PAGE)).path("albumList2").path("album");
            for (JsonNode album : albums) {
                server.call("getAlbum", "id", album.path("id").asText()).path("album").path("song")
                        .forEach(s -> songs.putIfAbsent(s.path("id").asText(), RemoteSong.of(s)));
            }
            if (albums.size() < PAGE) {
                break;
            }
        }
        return new ArrayList<>(songs.values());
    }
}
