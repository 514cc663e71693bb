package org.songspace.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers: a random token (the session cookie's value) to the user it was given to. A session
 * ends on logout, after {@link #LIFETIME}, or as soon as its user's password changes or the user is removed
 * from the users file. Kept in memory: a restart logs everyone out.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofDays(30);
    /** Beyond this many sessions the oldest go first, so logins cannot grow the memory without bound. */
    static final int MAX_SESSIONS = 10_000;

    private record Session(String user, String passwordDigest, long expiresAtMillis) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    /** A new session for {@code user}; returns its token. */
    public String open(User user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (byToken.size() >= MAX_SESSIONS) {
            evict();
        }
        byToken.put(token, new Session(user.name(), Accounts.md5Hex(user.password()),
                System.currentTimeMillis() + LIFETIME.toMillis()));
        return token;
    }

    /** The user of a live session, as {@code accounts} know them now. */
    public Optional<User> user(String token, Accounts accounts) {
        Session s = token == null ? null : byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Optional<User> user = accounts.user(s.user());
        if (System.currentTimeMillis() > s.expiresAtMillis() || user.isEmpty()
                || !Accounts.equal(Accounts.md5Hex(user.get().password()), s.passwordDigest())) {
            byToken.remove(token);
            return Optional.empty();
        }
        return user;
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    private synchronized void evict() {
        long now = System.currentTimeMillis();
        byToken.values().removeIf(s -> s.expiresAtMillis() < now);
        while (byToken.size() >= MAX_SESSIONS) {
            byToken.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().expiresAtMillis()))
                    .ifPresent(e -> byToken.remove(e.getKey()));
        }
    }
}
