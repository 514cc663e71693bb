package org.songspace.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's parameters: the query string and, for a form POST, its fields, read with a small bound
 * <em>before</em> anyone is authenticated, so that a stranger cannot make the server parse megabytes.
 * Repeated names keep every value in order (a playlist's {@code songId=...&songId=...}).
 */
public final class RequestParams {
    /** Form bodies larger than this are refused unread (a playlist of ~7,000 songs fits). */
    public static final int MAX_FORM_BYTES = 256 * 1024;

    private final Map<String, List<String>> values;

    private RequestParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Thrown for a body over the bound or a parameter that does not decode. */
    public static final class Malformed extends RuntimeException {
        private final int status;

        Malformed(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status that fits: 413 for a body too large, 400 otherwise. */
        public int status() {
            return status;
        }
    }

    public static RequestParams read(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parse(ctx.queryString(), values);
        String type = ctx.contentType();
        if ("POST".equalsIgnoreCase(ctx.req().getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parse(boundedBody(ctx), values);
        }
        return new RequestParams(values);
    }

    /** Throws {@link Malformed} when the query string does not decode. */
    public static void checkQuery(Context ctx) {
        parse(ctx.queryString(), new LinkedHashMap<>());
    }

    private static String boundedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_FORM_BYTES) {
            throw new Malformed(413, "form body of " + declared + " bytes is larger than " + MAX_FORM_BYTES);
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new Malformed(413, "form body is larger than " + MAX_FORM_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Malformed(400, "form body could not be read: " + e.getMessage());
        }
    }

    private static void parse(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed(400, "malformed %-escape in a parameter");
        }
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of {@code name}, in order (empty when absent). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Name to first value, for code that reads one value a name. */
    public Map<String, String> firstValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }
}
