package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.songspace.access.FailedLogins;
import org.songspace.access.UsersFile;
import org.songspace.http.RequestParams;
import org.songspace.io.UserError;
import org.songspace.similarity.SimilarityService;
import org.songspace.state.StateStore;
import org.songspace.subsonic.SubsonicApi;

/**
 * The web map of an index: a page, a JSON API and the Subsonic API, all answered by one
 * {@link SimilarityService}.
 * <ul>
 *   <li>{@code GET /}: the map; {@code /login}: its login page when the server has users;</li>
 *   <li>{@code GET /api/tracks}: every track with its map position and label;</li>
 *   <li>{@code GET /api/similar/{id}?k=10}: nearest neighbours of an indexed track (404 for an unknown id);
 *   {@code &excludeSameArtist=true}, {@code &excludeSameAlbum=true}, {@code &mutualProximity=true};</li>
 *   <li>{@code GET /api/audio/{id}}: the track's audio file, found by id only, so no request can name a path;</li>
 *   <li>{@code GET /api/mix?seed=ID&seed=ID2&count=25&artistWindow=3&albumWindow=5}: a mix from one or more
 *       seeds under the variety rules; {@code GET /api/path?start=ID&end=ID&count=25}: a path between two tracks;</li>
 *   <li>{@code POST /api/query} (multipart field {@code file}): embeds an uploaded file in memory and returns
 *       its neighbours and its place on the map;</li>
 *   <li>{@code /rest/*}: the Subsonic API with OpenSubsonic sonic similarity ({@link SubsonicApi}).</li>
 * </ul>
 * With users ({@code --users}), every route needs one of them ({@link WebAccess}); without, the server
 * refuses to bind anything but a loopback address.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** What the map's page may load: its own script, style, images and audio; no frames, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final SimilarityService service;
    private final UsersFile users;
    private final SubsonicApi subsonic;
    private final StateStore state;
    private final FailedLogins failedLogins = new FailedLogins();
    private Javalin app;

    public WebServer(Path indexDir) throws IOException {
        this(indexDir, null, null);
    }

    public WebServer(Path indexDir, Path usersFile) throws IOException {
        this(indexDir, usersFile, null);
    }

    /**
     * {@code usersFile}: who may use the server (null: nobody needs to log in, and only this machine can
     * reach it); {@code apiKeysFile}: their OpenSubsonic API keys (null: none).
     */
    public WebServer(Path indexDir, Path usersFile, Path apiKeysFile) throws IOException {
        this(indexDir, usersFile, apiKeysFile, null);
    }

    /** {@code dataDir}: where listeners' state is kept (null: the index folder). */
    public WebServer(Path indexDir, Path usersFile, Path apiKeysFile, Path dataDir) throws IOException {
        if (usersFile == null && apiKeysFile != null) {
            throw new UserError("--api-keys needs --users (the keys belong to its users)");
        }
        this.users = usersFile == null ? null : UsersFile.open(usersFile, apiKeysFile);
        this.service = SimilarityService.open(indexDir);
        StateStore opened = null;
        try {
            opened = StateStore.open(dataDir == null ? indexDir : dataDir);
            String version = WebServer.class.getPackage().getImplementationVersion();
            this.subsonic = new SubsonicApi(service, opened, users, failedLogins, version == null ? "dev" : version);
            this.state = opened;
        } catch (IOException | RuntimeException e) {
            try (service) {
                if (opened != null) {
                    opened.close();
                }
            }
            throw e;
        }
    }

    /** Starts serving; port 0 picks a free port. Returns the port; a port in use is a {@link UserError}. */
    public int start(String host, int port) {
        if (users == null && !isLoopback(host)) {
            throw new UserError("--host " + host + " would share the library with the network without a login: "
                    + "give --users FILE too (or serve on 127.0.0.1)");
        }
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Uploads to /api/query are the only large bodies; they are read after the access gate.
            config.http.maxRequestSize = MapApi.MAX_UPLOAD_BYTES + 1024 * 1024;
        });
        app.before(WebServer::securityHeaders);
        StaticPages pages = new StaticPages();
        new WebAccess(users, failedLogins, pages).register(app);
        pages.register(app);
        new MapApi(service).register(app);
        subsonic.register(app);
        app.exception(UserError.class, (e, ctx) -> MapApi.error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(RequestParams.Malformed.class, (e, ctx) -> MapApi.error(ctx, HttpStatus.forStatus(e.status()),
                e.getMessage()));
        app.exception(Exception.class, WebServer::internalError);
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

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    private static void internalError(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        MapApi.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error (logged by the server)");
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + ": unknown host", e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (service; state) {
            if (app != null) {
                app.stop();
            }
            subsonic.awaitWarmUp();
        }
    }
}
