package org.songspace.subsonic;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.songspace.access.User;
import org.songspace.http.RequestParams;

/**
 * One Subsonic call being answered: the request, its parameters, who made it (null only for the methods
 * that need no login), the library as that user sees it, and the envelope the answer goes into.
 */
record Call(Context ctx, RequestParams params, User user, ItemShapes shapes, Map<String, Object> envelope) {
    /** The most items a list may ask for (album lists, random songs, similar songs). */
    static final int MAX_LIST = 500;

    String get(String name) {
        String v = params.first(name);
        return v == null || v.isEmpty() ? null : v;
    }

    String required(String name) {
        String v = get(name);
        if (v == null) {
            throw SubsonicException.missing(name);
        }
        return v;
    }

    List<String> all(String name) {
        return params.all(name).stream().filter(v -> !v.isEmpty()).toList();
    }

    int number(String name, int fallback, int max) {
        return (int) Math.min(max, longNumber(name, fallback));
    }

    long longNumber(String name, long fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new SubsonicException(SubsonicException.GENERIC, "Parameter " + name + " must be a number, got " + v);
        }
    }

    Boolean bool(String name) {
        String v = get(name);
        return v == null ? null : Boolean.parseBoolean(v);
    }

    String userName() {
        return user.name();
    }

    void answer(String key, Object value) {
        envelope.put(key, value);
    }
}
