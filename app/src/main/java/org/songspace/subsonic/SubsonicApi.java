package org.songspace.subsonic;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.songspace.access.AccessDenied;
import org.songspace.access.FailedLogins;
import org.songspace.access.UsersFile;
import org.songspace.audio.TagReader;
import org.songspace.http.FileResponses;
import org.songspace.http.RequestParams;
import org.songspace.index.IndexedTrack;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.SimilarityService;
import org.songspace.http.AudioTypes;

/**
 * The Subsonic API (1.16.1) with OpenSubsonic's {@code sonicSimilarity}, {@code apiKeyAuthentication} and
 * {@code formPost} extensions, at {@code /rest/METHOD} and {@code /rest/METHOD.view}, GET or form POST:
 * ping, getLicense, getOpenSubsonicExtensions (no authentication needed), getMusicFolders, getArtists,
 * getArtist, getAlbum, getSong, search3, stream, download, getCoverArt, getSonicSimilarTracks and
 * findSonicPath. Everything is answered from one {@link SimilarityService}; files are found by song id
 * only, so no request can name a path. Errors are envelopes with the spec's codes and HTTP 200.
 */
public final class SubsonicApi {
    /** What getOpenSubsonicExtensions lists: name and versions. */
    static final Map<String, List<Integer>> EXTENSIONS = new LinkedHashMap<>(Map.of("sonicSimilarity", List.of(1),
            "apiKeyAuthentication", List.of(1), "formPost", List.of(1)));

    private interface Method {
        void answer(Context ctx, Map<String, String> params, Map<String, Object> envelope) throws IOException;
    }

    private final SimilarityService service;
    private final UsersFile users;
    private final FailedLogins failedLogins;
    private final String serverVersion;
    private final SubsonicCatalog catalog;
    private final Map<String, Method> methods = new HashMap<>();

    /** {@code users} null: the API answers only getOpenSubsonicExtensions and says how to turn it on. */
    public SubsonicApi(SimilarityService service, UsersFile users, FailedLogins failedLogins, String serverVersion) {
        this.service = service;
        this.users = users;
        this.failedLogins = failedLogins;
        this.serverVersion = serverVersion;
        this.catalog = new SubsonicCatalog(service.tracks(), service.manifest().library());
        methods.put("ping", (ctx, p, e) -> { });
        methods.put("getLicense", (ctx, p, e) -> e.put("license", Map.of("valid", true)));
        methods.put("getOpenSubsonicExtensions", (ctx, p, e) -> e.put("openSubsonicExtensions", EXTENSIONS.entrySet()
                .stream().map(x -> Map.of("name", x.getKey(), "versions", x.getValue())).toList()));
        methods.put("getMusicFolders", (ctx, p, e) -> e.put("musicFolders", Map.of("musicFolder",
                List.of(Map.of("id", 1, "name", folderName())))));
        methods.put("getSong", (ctx, p, e) -> e.put("song", catalog.child(catalog.song(required(p, "id")))));
        methods.put("getAlbum", (ctx, p, e) -> e.put("album", catalog.album(catalog.album(required(p, "id")), true)));
        methods.put("getArtist", (ctx, p, e) -> e.put("artist", catalog.artist(catalog.artist(required(p, "id")), true)));
        methods.put("getArtists", (ctx, p, e) -> e.put("artists", artistIndex()));
        methods.put("search3", (ctx, p, e) -> e.put("searchResult3", SubsonicSearch.search(catalog, p)));
        methods.put("stream", (ctx, p, e) -> sendFile(ctx, catalog.song(required(p, "id"))));
        methods.put("download", (ctx, p, e) -> sendFile(ctx, catalog.song(required(p, "id"))));
        methods.put("getCoverArt", (ctx, p, e) -> coverArt(ctx, required(p, "id")));
        methods.put("getSonicSimilarTracks", this::sonicSimilar);
        methods.put("findSonicPath", this::sonicPath);
    }

    public void register(Javalin app) {
        app.get("/rest/{method}", this::handle);
        app.post("/rest/{method}", this::handle);
        app.head("/rest/{method}", this::handle);
    }

    private void handle(Context ctx) {
        String name = ctx.pathParam("method");
        if (name.endsWith(".view")) {
            name = name.substring(0, name.length() - ".view".length());
        }
        Map<String, String> params;
        try {
            params = RequestParams.read(ctx).firstValues();
        } catch (RequestParams.Malformed e) {
            if (e.status() == 413) {
                ctx.status(413).result(e.getMessage());
                return;
            }
            params = Map.of();
            SubsonicResponses.send(ctx, params, SubsonicResponses.failed(serverVersion,
                    new SubsonicException(SubsonicException.GENERIC, e.getMessage())));
            return;
        }
        Map<String, Object> envelope = SubsonicResponses.ok(serverVersion);
        try {
            // Credentials first: a stranger learns nothing, not even which methods exist.
            if (!name.equals("getOpenSubsonicExtensions")) {
                authenticate(params, ctx.req().getRemoteAddr());
            }
            Method method = methods.get(name);
            if (method == null) {
                throw new SubsonicException(SubsonicException.NOT_FOUND, "Unknown or unsupported method: " + name);
            }
            method.answer(ctx, params, envelope);
            if (!ctx.res().isCommitted() && ctx.result() == null && ctx.resultInputStream() == null) {
                SubsonicResponses.send(ctx, params, envelope);
            }
        } catch (SubsonicException e) {
            SubsonicResponses.send(ctx, params, SubsonicResponses.failed(serverVersion, e));
        } catch (org.songspace.io.UserError e) {
            SubsonicResponses.send(ctx, params, SubsonicResponses.failed(serverVersion,
                    new SubsonicException(SubsonicException.GENERIC, e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void authenticate(Map<String, String> params, String address) {
        if (users == null) {
            throw new SubsonicException(SubsonicException.NOT_AUTHORIZED,
                    "The Subsonic API is off: start songspace serve with --users FILE (one name:password a line)");
        }
        if (!failedLogins.allows(address)) {
            throw new SubsonicException(SubsonicException.WRONG_CREDENTIALS,
                    "Too many failed logins from this address: wait a few minutes");
        }
        try {
            users.accounts().authenticate(params);
        } catch (AccessDenied e) {
            if (e.reason() == AccessDenied.Reason.WRONG_CREDENTIALS || e.reason() == AccessDenied.Reason.INVALID_API_KEY) {
                failedLogins.failed(address);
            }
            throw SubsonicException.of(e);
        }
    }

    static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw SubsonicException.missing(name);
        }
        return v;
    }

    static int number(Map<String, String> params, String name, int fallback, int max) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Math.max(0, Math.min(max, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            throw new SubsonicException(SubsonicException.GENERIC, "Parameter " + name + " must be a number, got " + v);
        }
    }

    private String folderName() {
        String library = service.manifest().library();
        return library == null ? "Library" : Path.of(library).getFileName().toString();
    }

    private Map<String, Object> artistIndex() {
        Map<String, List<Map<String, Object>>> byLetter = new TreeMap<>();
        for (SubsonicCatalog.Artist a : catalog.artists()) {
            String letter = a.name().isEmpty() ? "#" : a.name().substring(0, 1).toUpperCase(Locale.ROOT);
            byLetter.computeIfAbsent(Character.isLetter(letter.charAt(0)) ? letter : "#", k -> new ArrayList<>())
                    .add(catalog.artist(a, false));
        }
        List<Map<String, Object>> index = new ArrayList<>();
        byLetter.forEach((letter, artists) -> index.add(Map.of("name", letter, "artist", artists)));
        return Map.of("ignoredArticles", "", "index", index);
    }

    private void sendFile(Context ctx, IndexedTrack track) throws IOException {
        Path file = Path.of(track.path());
        if (!Files.isRegularFile(file)) {
            throw SubsonicException.notFound("The audio file of song " + track.id());
        }
        FileResponses.sendFile(ctx, file, AudioTypes.contentType(SubsonicCatalog.suffix(track.path())));
    }

    /** A song's embedded picture; for an album id, the first of its songs that has one. */
    private void coverArt(Context ctx, String id) throws IOException {
        List<IndexedTrack> candidates = id.startsWith("al-") ? catalog.album(id).songs() : List.of(catalog.song(id));
        for (IndexedTrack t : candidates) {
            Optional<TagReader.Picture> art = TagReader.embeddedArt(Path.of(t.path()));
            if (art.isPresent()) {
                FileResponses.sendBytes(ctx, art.get().data(), art.get().mimeType());
                return;
            }
        }
        throw SubsonicException.notFound("Cover art of " + id);
    }

    private void sonicSimilar(Context ctx, Map<String, String> p, Map<String, Object> envelope) throws IOException {
        IndexedTrack song = catalog.song(required(p, "id"));
        int count = number(p, "count", 10, SearchOptions.MAX_K);
        List<Match> mix = count == 0 ? List.of() : service.mix(List.of(service.resolve(song.id())), MixOptions.ofCount(count));
        envelope.put("sonicMatch", sonicMatches(mix));
    }

    private void sonicPath(Context ctx, Map<String, String> p, Map<String, Object> envelope) throws IOException {
        IndexedTrack start = catalog.song(required(p, "startSongId"));
        IndexedTrack end = catalog.song(required(p, "endSongId"));
        int count = Math.max(2, number(p, "count", 25, SimilarityService.MAX_PATH));
        envelope.put("sonicMatch", sonicMatches(service.path(service.resolve(start.id()), service.resolve(end.id()), count)));
    }

    private List<Map<String, Object>> sonicMatches(List<Match> matches) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Match m : matches) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("entry", catalog.child(catalog.song(m.id())));
            one.put("similarity", m.similarity());
            out.add(one);
        }
        return out;
    }
}
