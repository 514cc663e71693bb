package org.songspace.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing, on the login page and the Subsonic API alike: after {@value #MAX_FAILURES}
 * failed logins from one address within {@value #WINDOW_MILLIS} ms, that address may not try again until
 * the window has passed.
 */
public final class FailedLogins {
    public static final int MAX_FAILURES = 10;
    static final long WINDOW_MILLIS = 5 * 60 * 1000L;
    /** Addresses remembered at most; beyond it the table is cleared (a flood then gets a fresh window, no memory). */
    private static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, long since) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public boolean allows(String address) {
        Failures f = byAddress.get(address);
        return f == null || f.count() < MAX_FAILURES || System.currentTimeMillis() - f.since() > WINDOW_MILLIS;
    }

    public void failed(String address) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.clear();
        }
        long now = System.currentTimeMillis();
        byAddress.merge(address, new Failures(1, now), (old, one) -> now - old.since() > WINDOW_MILLIS
                ? one : new Failures(old.count() + 1, old.since()));
    }
}
