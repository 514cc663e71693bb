package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.songspace.access.AccessDenied;
import org.songspace.access.Accounts;
import org.songspace.access.FailedLogins;
import org.songspace.access.Sessions;
import org.songspace.access.User;
import org.songspace.access.UsersFile;
import org.songspace.http.RequestParams;

/**
 * Who may use the web map and {@code /api} when the server runs with {@code --users}: a browser logs in on
 * {@code /login} (the users of the Subsonic API) and gets a session cookie (HttpOnly, SameSite=Strict,
 * Secure over TLS); a script sends the Subsonic credential parameters instead ({@code u} + {@code t} +
 * {@code s}, {@code u} + {@code p}, or {@code apiKey}). Anything else is refused: 401 for {@code /api}, a
 * redirect to the login page for pages. {@code /rest} authenticates each call itself, as its spec says.
 */
final class WebAccess {
    static final String USER_ATTRIBUTE = "songspace.user";
    static final String COOKIE = "songspace_session";

    private final UsersFile users;
    private final Sessions sessions = new Sessions();
    private final FailedLogins failedLogins;
    private final StaticPages pages;

    /** {@code users} null: everyone on this machine is let in (the server then binds to loopback only). */
    WebAccess(UsersFile users, FailedLogins failedLogins, StaticPages pages) {
        this.users = users;
        this.failedLogins = failedLogins;
        this.pages = pages;
    }

    boolean enabled() {
        return users != null;
    }

    void register(Javalin app) {
        app.before(this::gate);
        if (users != null) {
            app.get("/login", ctx -> pages.login(ctx, ctx.queryParam("failed") != null, ctx.queryParam("busy") != null));
            app.post("/login", this::login);
            app.post("/logout", this::logout);
        }
    }

    private void gate(Context ctx) {
        if (ctx.path().startsWith("/rest/")) {
            // The Subsonic API checks every call itself and answers in its own envelopes.
            return;
        }
        // A query that does not decode is refused here, before any handler's own parsing could fail on it.
        RequestParams.checkQuery(ctx);
        if (users == null || isPublic(ctx.path())) {
            return;
        }
        try {
            Accounts accounts = users.accounts();
            Optional<User> user = sessions.user(cookie(ctx), accounts);
            if (user.isEmpty()) {
                Map<String, String> params = RequestParams.read(ctx).firstValues();
                if (params.containsKey("u") || params.containsKey("apiKey")) {
                    user = Optional.of(scriptUser(accounts, params, ctx.req().getRemoteAddr()));
                }
            }
            if (user.isPresent()) {
                ctx.attribute(USER_ATTRIBUTE, user.get());
                return;
            }
            refuse(ctx, "log in first (at /login), or send u + t + s, u + p or apiKey as for the Subsonic API");
        } catch (AccessDenied e) {
            refuse(ctx, e.getMessage());
        }
    }

    /** A script's user, from the Subsonic credential parameters; failures count as failed logins. */
    private User scriptUser(Accounts accounts, Map<String, String> params, String address) {
        if (!failedLogins.allows(address)) {
            throw new AccessDenied(AccessDenied.Reason.WRONG_CREDENTIALS, "too many failed logins from this address: wait a few minutes");
        }
        try {
            return accounts.authenticate(params);
        } catch (AccessDenied e) {
            if (e.reason() == AccessDenied.Reason.WRONG_CREDENTIALS || e.reason() == AccessDenied.Reason.INVALID_API_KEY) {
                failedLogins.failed(address);
            }
            throw e;
        }
    }

    /** The entrance and what it needs. */
    private static boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/style.css");
    }

    private static void refuse(Context ctx, String why) {
        if (ctx.path().startsWith("/api/")) {
            MapApi.error(ctx, HttpStatus.UNAUTHORIZED, why);
        } else {
            ctx.status(HttpStatus.SEE_OTHER).header("Location", "/login");
        }
        ctx.skipRemainingHandlers();
    }

    private void login(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        if (!failedLogins.allows(address)) {
            ctx.status(HttpStatus.SEE_OTHER).header("Location", "/login?busy");
            return;
        }
        RequestParams form = RequestParams.read(ctx);
        Optional<User> user = users.accounts().check(form.first("name"), form.first("password"));
        if (user.isEmpty()) {
            failedLogins.failed(address);
            ctx.status(HttpStatus.SEE_OTHER).header("Location", "/login?failed");
            return;
        }
        String cookie = COOKIE + "=" + sessions.open(user.get()) + "; Path=/; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : "");
        ctx.header("Set-Cookie", cookie);
        ctx.status(HttpStatus.SEE_OTHER).header("Location", "/");
    }

    private void logout(Context ctx) {
        sessions.close(cookie(ctx));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : ""));
        ctx.status(HttpStatus.SEE_OTHER).header("Location", "/login");
    }

    /** Over TLS here, or behind a TLS-terminating proxy that says so. */
    private static boolean overTls(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String cookie(Context ctx) {
        return ctx.cookie(COOKIE);
    }
}
