package org.songspace.http;

import java.util.Locale;

/**
 * What a {@code Range} header asks of a representation of known length, read as RFC 9110 section 14 says:
 * one byte range (first-last, first-, or a suffix -N) is served as 206; a range that starts at or past the
 * end, or a zero-length suffix, is unsatisfiable (416); anything else - another unit, several ranges, a
 * header that does not parse, last before first - is ignored and the whole body is served (200), which the
 * RFC allows and every client handles.
 *
 * @param kind  what to answer
 * @param first first byte served (0 for the whole body)
 * @param last  last byte served, inclusive ({@code length - 1} for the whole body)
 */
public record ByteRange(Kind kind, long first, long last) {
    public enum Kind { WHOLE, PART, UNSATISFIABLE }

    /** Longer numbers than this cannot be a position in a real file; they are read as "past the end". */
    private static final int MAX_DIGITS = 18;

    public long length() {
        return last - first + 1;
    }

    /** The answer to {@code header} (null: no Range header) for a body of {@code length} bytes. */
    public static ByteRange of(String header, long length) {
        ByteRange whole = new ByteRange(Kind.WHOLE, 0, length - 1);
        if (header == null) {
            return whole;
        }
        String h = header.strip();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return whole;
        }
        String spec = h.substring(eq + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return whole;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            long suffix = number(to);
            if (suffix < 0) {
                return whole;
            }
            if (suffix == 0 || length == 0) {
                return unsatisfiable(length);
            }
            return new ByteRange(Kind.PART, Math.max(0, length - suffix), length - 1);
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (first < 0 || last < 0 || last < first) {
            return whole;
        }
        if (first >= length) {
            return unsatisfiable(length);
        }
        return new ByteRange(Kind.PART, first, Math.min(last, length - 1));
    }

    private static ByteRange unsatisfiable(long length) {
        return new ByteRange(Kind.UNSATISFIABLE, 0, length - 1);
    }

    /** The value of a run of ASCII digits; -1 when it is not one; Long.MAX_VALUE when too long to matter. */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    /** The {@code Content-Range} value of a 206 or 416 answer. */
    public String contentRange(long length) {
        return kind == Kind.UNSATISFIABLE ? "bytes */" + length : "bytes " + first + "-" + last + "/" + length;
    }
}
