package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.songspace.audio.AudioFormatException;
import org.songspace.index.IndexedTrack;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.MixOptions;
import org.songspace.similarity.Neighbours;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;
import org.songspace.subsonic.SubsonicApi;

/**
 * The web map of an index: a page (classpath {@code /web}) and a JSON API, all answered by one
 * {@link SimilarityService}.
 * <ul>
 *   <li>{@code GET /api/tracks}: every track with its map position and label;</li>
 *   <li>{@code GET /api/similar/{id}?k=10}: nearest neighbours of an indexed track (404 for an unknown id);
 *   {@code &excludeSameArtist=true}, {@code &excludeSameAlbum=true}, {@code &mutualProximity=true};</li>
 *   <li>{@code GET /api/audio/{id}}: the track's audio file, found by id only, so no request can name a path;</li>
 *   <li>{@code GET /api/mix?seed=ID&seed=ID2&count=25&artistWindow=3&albumWindow=5}: a mix from one or more
 *       seeds under the variety rules; {@code GET /api/path?start=ID&end=ID&count=25}: a path between two tracks;</li>
 *   <li>{@code /rest/*}: the Subsonic API with OpenSubsonic sonic similarity ({@link SubsonicApi}), for
 *       media-player clients, with the users of {@code --users FILE};</li>
 *   <li>{@code POST /api/query} (multipart field {@code file}): embeds an uploaded file in memory and returns
 *       its neighbours and its place on the map; nothing is written to disk. Uploads are embedded
 *       concurrently, at most {@link SimilarityService#DEFAULT_CONCURRENT_EMBEDS} at once.</li>
 * </ul>
 * Binds to 127.0.0.1 unless told otherwise.
 */
public final class WebServer implements AutoCloseable {
    /** Largest accepted upload. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final SimilarityService service;
    private final SubsonicApi subsonic;
    private Javalin app;

    /** A track as the map draws it. */
    record MapTrack(String id, String title, String label, String artist, String album, double duration, float x, float y) {
    }

    record TrackList(String model, String library, List<String> labels, List<MapTrack> tracks) {
    }

    record SimilarAnswer(String id, List<Match> results) {
    }

    record QueryAnswer(String file, float x, float y, List<Match> results) {
    }

    record ErrorAnswer(String error) {
    }

    record MixAnswer(String kind, List<String> seeds, List<Match> results) {
    }

    public WebServer(Path indexDir) throws IOException {
        this(indexDir, null);
    }

    /** {@code usersFile}: who may use the Subsonic API (null: it stays off). */
    public WebServer(Path indexDir, Path usersFile) throws IOException {
        this.service = SimilarityService.open(indexDir);
        try {
            String version = WebServer.class.getPackage().getImplementationVersion();
            this.subsonic = new SubsonicApi(service, usersFile, version == null ? "dev" : version);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** Starts serving; port 0 picks a free port. Returns the port; a port in use is a {@link UserError}. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.http.maxRequestSize = MAX_UPLOAD_BYTES + 1024 * 1024;
        });
        app.get("/api/tracks", this::tracks);
        app.get("/api/similar/<id>", this::similar);
        app.get("/api/audio/<id>", this::audio);
        app.post("/api/query", this::query);
        app.get("/api/mix", this::mix);
        app.get("/api/path", this::path);
        subsonic.register(app);
        app.exception(UserError.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            if (hasCause(e, BindException.class)) {
                throw new UserError("port " + port + " on " + host + " is in use (or not allowed); choose another with --port", e);
            }
            throw e;
        }
        return app.port();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void tracks(Context ctx) {
        List<MapTrack> list = service.tracks().stream().map(t -> {
            float[] xy = service.position(t.id()).orElse(new float[] {0, 0});
            return new MapTrack(t.id(), t.title(), t.label(), t.artist(), t.album(), t.durationSeconds(), xy[0], xy[1]);
        }).toList();
        List<String> labels = service.tracks().stream().map(IndexedTrack::label).filter(l -> l != null).distinct().sorted()
                .toList();
        ctx.json(new TrackList(service.manifest().modelId(), service.manifest().library(), labels, list));
    }

    private void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (service.track(id).isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
            return;
        }
        SearchOptions options = SearchOptions.builder().k(parseK(ctx))
                .excludeSameArtist("true".equals(ctx.queryParam("excludeSameArtist")))
                .excludeSameAlbum("true".equals(ctx.queryParam("excludeSameAlbum")))
                .mutualProximity("true".equals(ctx.queryParam("mutualProximity"))).build();
        Neighbours answer = service.similar(service.resolve(id), options);
        ctx.json(new SimilarAnswer(id, answer.matches()));
    }

    private void mix(Context ctx) throws IOException {
        List<String> ids = ctx.queryParams("seed");
        if (ids.isEmpty()) {
            error(ctx, HttpStatus.BAD_REQUEST, "give one or more seed=ID");
            return;
        }
        List<Seed> seeds = new java.util.ArrayList<>();
        for (String id : ids) {
            if (service.track(id).isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
                return;
            }
            seeds.add(service.resolve(id));
        }
        MixOptions options = new MixOptions(intParam(ctx, "count", MixOptions.DEFAULT_COUNT),
                intParam(ctx, "artistWindow", MixOptions.DEFAULT_ARTIST_WINDOW),
                intParam(ctx, "albumWindow", MixOptions.DEFAULT_ALBUM_WINDOW));
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
                intParam(ctx, "count", MixOptions.DEFAULT_COUNT))));
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
        InputStream in = Files.newInputStream(file);
        ctx.writeSeekableStream(in, contentType(file), Files.size(file));
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
            answer = service.similar(service.embed(bytes, upload.filename()), SearchOptions.ofK(parseK(ctx)));
        } catch (AudioFormatException e) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            return;
        }
        float[] xy = answer.position();
        ctx.json(new QueryAnswer(upload.filename(), xy[0], xy[1], answer.matches()));
    }

    private static int parseK(Context ctx) {
        return intParam(ctx, "k", SearchOptions.DEFAULT_K);
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorAnswer(message == null ? status.getMessage() : message));
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        return AudioTypes.contentType(name.substring(name.lastIndexOf('.') + 1));
    }

    @Override
    public void close() throws IOException {
        try (service) {
            if (app != null) {
                app.stop();
            }
        }
    }
}
