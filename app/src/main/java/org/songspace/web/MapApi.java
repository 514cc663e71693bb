package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.songspace.access.User;
import org.songspace.audio.AudioFormatException;
import org.songspace.http.AudioTypes;
import org.songspace.http.FileResponses;
import org.songspace.index.IndexedTrack;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.Neighbours;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;

/**
 * The web map's JSON API under {@code /api}, answered by one {@link SimilarityService}; see
 * {@link WebServer} for the routes. Requests reach it only through {@link WebAccess}'s gate.
 */
final class MapApi {
    /** Largest accepted upload. */
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final SimilarityService service;

    /** A track as the map draws it. */
    /** {@code damage}: what was wrong with the file when it was analysed (null: intact). */
    record MapTrack(String id, String title, String label, String artist, String album, double duration, float x, float y,
                    String damage) {
    }

    /**
     * {@code user}: who is logged in (null when the server runs without --users); {@code mutualProximity}:
     * whether neighbours are ranked by it unless a request says otherwise (the index's measured best).
     */
    record TrackList(String model, String library, String user, boolean mutualProximity, List<String> labels,
                     List<MapTrack> tracks) {
    }

    record SimilarAnswer(String id, List<Match> results) {
    }

    record QueryAnswer(String file, float x, float y, List<Match> results) {
    }

    record ErrorAnswer(String error) {
    }

    record MixAnswer(String kind, List<String> seeds, List<Match> results) {
    }

    MapApi(SimilarityService service) {
        this.service = service;
    }

    void register(Javalin app) {
        app.get("/api/tracks", this::tracks);
        app.get("/api/similar/<id>", this::similar);
        app.get("/api/audio/<id>", this::audio);
        app.head("/api/audio/<id>", this::audio);
        app.post("/api/query", this::query);
        app.get("/api/mix", this::mix);
        app.get("/api/path", this::path);
    }

    private void tracks(Context ctx) {
        List<MapTrack> list = service.tracks().stream().map(t -> {
            float[] xy = service.position(t.id()).orElse(new float[] {0, 0});
            return new MapTrack(t.id(), t.title(), t.label(), t.artist(), t.album(), t.durationSeconds(), xy[0], xy[1], t.damage());
        }).toList();
        List<String> labels = service.tracks().stream().map(IndexedTrack::label).filter(l -> l != null).distinct().sorted()
                .toList();
        User user = ctx.attribute(WebAccess.USER_ATTRIBUTE);
        ctx.json(new TrackList(service.manifest().modelId(), service.manifest().library(), user == null ? null : user.name(),
                service.mutualProximityByDefault(), labels, list));
    }

    private void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (service.track(id).isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
            return;
        }
        SearchOptions options = SearchOptions.builder().k(intParam(ctx, "k", SearchOptions.DEFAULT_K))
                .excludeSameArtist("true".equals(ctx.queryParam("excludeSameArtist")))
                .excludeSameAlbum("true".equals(ctx.queryParam("excludeSameAlbum")))
                .mutualProximity(optionalFlag(ctx, "mutualProximity")).build();
        Neighbours answer = service.similar(service.resolve(id), options);
        ctx.json(new SimilarAnswer(id, answer.matches()));
    }

    private void mix(Context ctx) throws IOException {
        List<String> ids = ctx.queryParams("seed");
        if (ids.isEmpty()) {
            error(ctx, HttpStatus.BAD_REQUEST, "give one or more seed=ID");
            return;
        }
        if (ids.size() > SearchOptions.MAX_K) {
            error(ctx, HttpStatus.BAD_REQUEST, "a mix takes at most " + SearchOptions.MAX_K + " seeds");
            return;
        }
        List<Seed> seeds = new ArrayList<>();
        for (String id : ids) {
            if (service.track(id).isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
                return;
            }
            seeds.add(service.resolve(id));
        }
        MixOptions options = new MixOptions(intParam(ctx, "count", MixOptions.DEFAULT_COUNT),
                intParam(ctx, "artistWindow", MixOptions.DEFAULT_ARTIST_WINDOW),
                intParam(ctx, "albumWindow", MixOptions.DEFAULT_ALBUM_WINDOW), optionalFlag(ctx, "mutualProximity"));
        ctx.json(new MixAnswer("mix", ids, service.mix(seeds, options)));
    }

    private void path(Context ctx) throws IOException {
        String start = ctx.queryParam("start");
        String end = ctx.queryParam("end");
        for (String id : new String[] {start, end}) {
            if (id == null || service.track(id).isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, id == null ? "give start=ID and end=ID" : "no track with id '" + id + "' in this index");
                return;
            }
        }
        ctx.json(new MixAnswer("path", List.of(start, end), service.path(service.resolve(start), service.resolve(end),
                intParam(ctx, "count", MixOptions.DEFAULT_COUNT), optionalFlag(ctx, "mutualProximity"))));
    }

    /** true or false as the request says, null when it does not (the index's default applies). */
    private static Boolean optionalFlag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new UserError(name + " must be true or false, got '" + value + "'");
        }
        return Boolean.valueOf(value);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UserError(name + " must be a number, got " + v);
        }
    }

    private void audio(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<IndexedTrack> track = service.track(id);
        if (track.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
            return;
        }
        Path file = Path.of(track.get().path());
        if (!Files.isRegularFile(file)) {
            error(ctx, HttpStatus.NOT_FOUND, "the audio file of '" + id + "' is gone");
            return;
        }
        String name = file.getFileName().toString();
        FileResponses.sendFile(ctx, file, AudioTypes.contentType(name.substring(name.lastIndexOf('.') + 1)));
    }

    private void query(Context ctx) throws IOException {
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null) {
            error(ctx, HttpStatus.BAD_REQUEST, "send the audio as multipart form field 'file'");
            return;
        }
        byte[] bytes;
        try (InputStream in = upload.content()) {
            bytes = upload.size() > MAX_UPLOAD_BYTES ? null : in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
        }
        if (bytes == null || bytes.length > MAX_UPLOAD_BYTES) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
            return;
        }
        Neighbours answer;
        try {
            answer = service.similar(service.embed(bytes, upload.filename()),
                    SearchOptions.ofK(intParam(ctx, "k", SearchOptions.DEFAULT_K)));
        } catch (AudioFormatException e) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            return;
        }
        float[] xy = answer.position();
        ctx.json(new QueryAnswer(upload.filename(), xy[0], xy[1], answer.matches()));
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorAnswer(message == null ? status.getMessage() : message));
    }
}
