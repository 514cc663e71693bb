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
import java.util.Locale;
import java.util.Optional;
import org.songspace.audio.AudioFormatException;
import org.songspace.index.IndexedTrack;
import org.songspace.io.UserError;
import org.songspace.similarity.Match;
import org.songspace.similarity.Neighbours;
import org.songspace.similarity.SearchOptions;
import org.songspace.similarity.SimilarityService;

/**
 * The web map of an index: a page (classpath {@code /web}) and a JSON API, all answered by one
 * {@link SimilarityService}.
 * <ul>
 *   <li>{@code GET /api/tracks}: every track with its map position and label;</li>
 *   <li>{@code GET /api/similar/{id}?k=10}: nearest neighbours of an indexed track (404 for an unknown id);
 *   {@code &excludeSameArtist=true}, {@code &excludeSameAlbum=true}, {@code &mutualProximity=true};</li>
 *   <li>{@code GET /api/audio/{id}}: the track's audio file, found by id only, so no request can name a path;</li>
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

    public WebServer(Path indexDir) throws IOException {
        this.service = SimilarityService.open(indexDir);
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
        String k = ctx.queryParam("k");
        try {
            return k == null ? SearchOptions.DEFAULT_K : Integer.parseInt(k);
        } catch (NumberFormatException e) {
            throw new UserError("k must be a number, got " + k);
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorAnswer(message == null ? status.getMessage() : message));
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) {
            return "audio/mpeg";
        } else if (name.endsWith(".flac")) {
            return "audio/flac";
        } else if (name.endsWith(".ogg") || name.endsWith(".oga")) {
            return "audio/ogg";
        } else if (name.endsWith(".au") || name.endsWith(".snd")) {
            return "audio/basic";
        }
        return "audio/wav";
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
