package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.songspace.audio.AudioFormatException;
import org.songspace.audio.AudioLoader;
import org.songspace.embed.Embedder;
import org.songspace.features.LogMelExtractor;
import org.songspace.index.IndexManifest;
import org.songspace.index.IndexedTrack;
import org.songspace.index.LibraryIndexer;
import org.songspace.index.SimilarityIndex;

/**
 * The web map of an index: a page (classpath {@code /web}) and a JSON API.
 * <ul>
 *   <li>{@code GET /api/tracks}: every track with its map position and label;</li>
 *   <li>{@code GET /api/similar/{id}?k=10}: nearest neighbours of an indexed track (404 for an unknown id);</li>
 *   <li>{@code GET /api/audio/{id}}: the track's audio file, found by id only, so no request can name a path;</li>
 *   <li>{@code POST /api/query} (multipart field {@code file}): embeds an uploaded file in memory and returns
 *       its neighbours and an estimated map position; nothing is written to disk.</li>
 * </ul>
 * Binds to 127.0.0.1 unless told otherwise.
 */
public final class WebServer implements AutoCloseable {
    /** Largest accepted upload. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final SimilarityIndex index;
    private final IndexManifest manifest;
    private final Map<String, float[]> positions = new LinkedHashMap<>();
    private final Map<String, IndexedTrack> tracks;
    private final Path modelDir;
    private Embedder embedder;
    private LogMelExtractor extractor;
    private Javalin app;

    public WebServer(Path indexDir) throws IOException {
        this.manifest = LibraryIndexer.manifest(indexDir);
        this.index = SimilarityIndex.open(indexDir);
        this.tracks = index.tracks();
        this.modelDir = indexDir.resolve(LibraryIndexer.MODEL_DIR);
        LibraryIndexer.MapPositions map = LibraryIndexer.map(indexDir);
        for (int i = 0; i < map.ids().size(); i++) {
            positions.put(map.ids().get(i), map.xy()[i]);
        }
    }

    /** Starts serving; port 0 picks a free port. Returns the port. */
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
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.start(host, port);
        return app.port();
    }

    private void tracks(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (IndexedTrack t : tracks.values()) {
            float[] xy = positions.getOrDefault(t.id(), new float[] {0, 0});
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("title", t.title());
            m.put("label", t.label());
            m.put("artist", t.artist());
            m.put("duration", t.durationSeconds());
            m.put("x", xy[0]);
            m.put("y", xy[1]);
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", manifest.modelId());
        body.put("library", manifest.library());
        body.put("labels", tracks.values().stream().map(IndexedTrack::label).filter(l -> l != null).distinct().sorted().toList());
        body.put("tracks", list);
        ctx.json(body);
    }

    private void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        var track = index.get(id);
        if (track.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
            return;
        }
        int k = parseK(ctx);
        boolean otherArtists = "true".equals(ctx.queryParam("excludeSameArtist"));
        List<SimilarityIndex.Hit> hits = index.search(track.get().vector(), k, Set.of(id),
                otherArtists ? track.get().artist() : null);
        ctx.json(Map.of("id", id, "results", hits(hits)));
    }

    private void audio(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        IndexedTrack track = tracks.get(id);
        if (track == null) {
            error(ctx, HttpStatus.NOT_FOUND, "no track with id '" + id + "' in this index");
            return;
        }
        Path file = Path.of(track.path());
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
        if (upload.size() > MAX_UPLOAD_BYTES) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
            return;
        }
        byte[] bytes;
        try (InputStream in = upload.content()) {
            bytes = in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
        }
        if (bytes.length > MAX_UPLOAD_BYTES) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
            return;
        }
        float[] vector;
        try {
            var clip = AudioLoader.decode(bytes);
            synchronized (this) {
                if (embedder == null) {
                    embedder = Embedder.open(modelDir);
                    extractor = new LogMelExtractor(embedder.model().features());
                }
                vector = embedder.embed(extractor.logMel(clip));
            }
        } catch (AudioFormatException e) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, upload.filename() + ": " + e.getMessage());
            return;
        }
        List<SimilarityIndex.Hit> hits = index.search(vector, parseK(ctx), Set.of(), null);
        // Where the upload lands: the similarity-weighted mean position of its neighbours.
        double x = 0;
        double y = 0;
        double w = 0;
        for (SimilarityIndex.Hit h : hits) {
            float[] p = positions.get(h.track().id());
            double weight = Math.max(1e-3, h.similarity() + 1);
            if (p != null) {
                x += weight * p[0];
                y += weight * p[1];
                w += weight;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", upload.filename());
        body.put("x", w == 0 ? 0 : x / w);
        body.put("y", w == 0 ? 0 : y / w);
        body.put("results", hits(hits));
        ctx.json(body);
    }

    private static int parseK(Context ctx) {
        String k = ctx.queryParam("k");
        try {
            int value = k == null ? 10 : Integer.parseInt(k);
            if (value < 1 || value > 1000) {
                throw new IllegalArgumentException("k must be between 1 and 1000, got " + k);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("k must be a number, got " + k);
        }
    }

    private static List<Map<String, Object>> hits(List<SimilarityIndex.Hit> hits) {
        return hits.stream().map(SimilarityIndex.Hit::toJson).toList();
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? status.getMessage() : message));
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
        if (app != null) {
            app.stop();
        }
        synchronized (this) {
            if (embedder != null) {
                embedder.close();
            }
        }
        index.close();
    }
}
