package org.songspace.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of the users (and API keys) files, and how a request's parameters prove who sent it, as the
 * Subsonic and OpenSubsonic specs say: {@code u} with a token {@code t} = md5(password + salt {@code s}),
 * or with a password {@code p} (clear or {@code enc:} hex); or an {@code apiKey} alone.
 */
public record Accounts(Map<String, User> byName, Map<String, User> byApiKey) {
    public Accounts {
        byName = Map.copyOf(byName);
        byApiKey = Map.copyOf(byApiKey);
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The user that {@code params} authenticate, or why not. */
    public User authenticate(Map<String, String> params) {
        String apiKey = params.get("apiKey");
        String name = params.get("u");
        if (apiKey != null) {
            if (name != null) {
                throw new AccessDenied(AccessDenied.Reason.CONFLICTING_MECHANISMS,
                        "Multiple conflicting authentication mechanisms provided: apiKey with u");
            }
            User u = byApiKey.get(apiKey);
            if (u == null) {
                throw new AccessDenied(AccessDenied.Reason.INVALID_API_KEY, "Invalid API key");
            }
            return u;
        }
        if (name == null || name.isEmpty()) {
            throw missing("u (or apiKey)");
        }
        String token = params.get("t");
        String password = params.get("p");
        if (token != null && password != null) {
            throw new AccessDenied(AccessDenied.Reason.CONFLICTING_MECHANISMS,
                    "Multiple conflicting authentication mechanisms provided: t with p");
        }
        User user = byName.get(name);
        boolean ok;
        if (token != null) {
            String salt = params.get("s");
            if (salt == null || salt.isEmpty()) {
                // An empty salt makes the token a plain hash of the password, the same on every request.
                throw missing("s");
            }
            ok = user != null && equal(md5Hex(user.password() + salt), token.toLowerCase(Locale.ROOT));
        } else if (password != null) {
            ok = user != null && equal(user.password(), clear(password));
        } else {
            throw missing("t and s (or p)");
        }
        if (!ok) {
            throw new AccessDenied(AccessDenied.Reason.WRONG_CREDENTIALS, "Wrong username or password");
        }
        return user;
    }

    /** A login form's name and password. */
    public Optional<User> check(String name, String password) {
        User user = name == null ? null : byName.get(name);
        boolean ok = user != null && password != null && equal(user.password(), password);
        return ok ? Optional.of(user) : Optional.empty();
    }

    private static AccessDenied missing(String what) {
        return new AccessDenied(AccessDenied.Reason.MISSING_PARAMETER, "Required parameter is missing: " + what);
    }

    private static String clear(String p) {
        if (!p.startsWith("enc:")) {
            return p;
        }
        try {
            return new String(HexFormat.of().parseHex(p.substring(4)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about how much matched. */
    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
