package org.songspace.subsonic;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.songspace.access.AccessDenied;
import org.songspace.access.FailedLogins;
import org.songspace.access.User;
import org.songspace.access.UsersFile;
import org.songspace.http.RequestParams;
import org.songspace.similarity.SimilarityService;
import org.songspace.state.Marks;
import org.songspace.state.StateStore;
import org.songspace.subsonic.model.Shapes;

/**
 * The Subsonic API (1.16.1) with OpenSubsonic's {@code sonicSimilarity}, {@code apiKeyAuthentication} and
 * {@code formPost} extensions, at {@code /rest/METHOD} and {@code /rest/METHOD.view}, GET, HEAD or form
 * POST. The methods live in groups ({@link BrowseMethods}, {@link AlbumLists}, {@link ListeningMethods},
 * {@link PlaylistMethods}, {@link SonicMethods}, {@link MediaMethods}); everything is answered from one
 * {@link SimilarityService}, one {@link SubsonicCatalog} and one {@link StateStore}. Errors are envelopes
 * with the spec's codes and HTTP 200.
 */
public final class SubsonicApi {
    /** What getOpenSubsonicExtensions lists: name and versions. */
    static final Map<String, List<Integer>> EXTENSIONS = new LinkedHashMap<>(Map.of("sonicSimilarity", List.of(1),
            "apiKeyAuthentication", List.of(1), "formPost", List.of(1)));
    private static final String OPEN_METHOD = "getOpenSubsonicExtensions";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubsonicApi.class);

    /** One method's answer, written into the call's envelope (or straight to the response for binary ones). */
    interface Method {
        void answer(Call call) throws IOException;
    }

    private final UsersFile users;
    private final FailedLogins failedLogins;
    private final String serverVersion;
    private final Library library;
    private final Map<String, Method> methods = new HashMap<>();

    /** {@code users} null: the API answers only getOpenSubsonicExtensions and says how to turn it on. */
    public SubsonicApi(SimilarityService service, StateStore state, UsersFile users, FailedLogins failedLogins,
                       String serverVersion) {
        this.users = users;
        this.failedLogins = failedLogins;
        this.serverVersion = serverVersion;
        SubsonicCatalog catalog = new SubsonicCatalog(service.tracks(), service.manifest().library());
        CoverArt covers = new CoverArt(catalog, state.file().getParent().resolve("covers"));
        this.library = new Library(service, catalog, new FolderTree(catalog), state, new ArtistMap(service, catalog), covers);
        covers.warmUp();
        library.artistMap().warmUp();
        methods.put("ping", c -> { });
        methods.put("getLicense", c -> c.answer("license", Map.of("valid", true)));
        methods.put(OPEN_METHOD, c -> c.answer("openSubsonicExtensions", EXTENSIONS.entrySet().stream()
                .map(x -> new Shapes.Extension(x.getKey(), x.getValue())).toList()));
        new BrowseMethods(library).register(methods);
        new AlbumLists(library).register(methods);
        new ListeningMethods(library).register(methods);
        new PlaylistMethods(library).register(methods);
        new SonicMethods(library).register(methods);
        new MediaMethods(library).register(methods);
        NothingHere.register(methods);
    }

    /** Waits for the background warm-up, before the index it reads is closed. */
    public void awaitWarmUp() {
        library.artistMap().awaitWarmUp();
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
        RequestParams params;
        try {
            params = RequestParams.read(ctx);
        } catch (RequestParams.Malformed e) {
            if (e.status() == 413) {
                ctx.status(413).result(e.getMessage());
                return;
            }
            SubsonicResponses.send(ctx, Map.of(), SubsonicResponses.failed(serverVersion,
                    new SubsonicException(SubsonicException.GENERIC, e.getMessage())));
            return;
        }
        Map<String, String> first = params.firstValues();
        Map<String, Object> envelope = SubsonicResponses.ok(serverVersion);
        try {
            // Credentials first: a stranger learns nothing, not even which methods exist.
            User user = name.equals(OPEN_METHOD) ? null : authenticate(first, ctx.req().getRemoteAddr());
            Method method = methods.get(name);
            if (method == null) {
                throw new SubsonicException(SubsonicException.NOT_FOUND, "Unknown or unsupported method: " + name);
            }
            Marks.Snapshot marks = user == null ? Marks.Snapshot.EMPTY : library.state().marks().of(user.name());
            method.answer(new Call(ctx, params, user, new ItemShapes(library.catalog(), library.covers(), marks), envelope));
            if (!ctx.res().isCommitted() && ctx.result() == null && ctx.resultInputStream() == null) {
                SubsonicResponses.send(ctx, first, envelope);
            }
        } catch (SubsonicException e) {
            SubsonicResponses.send(ctx, first, SubsonicResponses.failed(serverVersion, e));
        } catch (org.songspace.io.UserError | StateStore.Failure e) {
            SubsonicResponses.send(ctx, first, SubsonicResponses.failed(serverVersion,
                    new SubsonicException(SubsonicException.GENERIC, e.getMessage())));
        } catch (IOException | RuntimeException e) {
            // A fault of ours: logged with its trace, and the client still gets an envelope it can show.
            LOG.error("Subsonic {} failed", name, e);
            if (!ctx.res().isCommitted()) {
                SubsonicResponses.send(ctx, first, SubsonicResponses.failed(serverVersion,
                        new SubsonicException(SubsonicException.GENERIC, "Internal error (logged by the server)")));
            }
        }
    }

    private User authenticate(Map<String, String> params, String address) {
        if (users == null) {
            throw new SubsonicException(SubsonicException.NOT_AUTHORIZED,
                    "The Subsonic API is off: start songspace serve with --users FILE (one name:password a line)");
        }
        if (!failedLogins.allows(address)) {
            throw new SubsonicException(SubsonicException.WRONG_CREDENTIALS,
                    "Too many failed logins from this address: wait a few minutes");
        }
        try {
            return users.accounts().authenticate(params);
        } catch (AccessDenied e) {
            if (e.reason() == AccessDenied.Reason.WRONG_CREDENTIALS || e.reason() == AccessDenied.Reason.INVALID_API_KEY) {
                failedLogins.failed(address);
            }
            throw SubsonicException.of(e);
        }
    }
}
