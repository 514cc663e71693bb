package org.songspace.subsonic;

/**
 * A failed Subsonic call: answered as a {@code status="failed"} envelope with the spec's error code, with
 * HTTP status 200 as the spec says.
 */
final class SubsonicException extends RuntimeException {
    static final int GENERIC = 0;
    static final int MISSING_PARAMETER = 10;
    static final int WRONG_CREDENTIALS = 40;
    static final int MECHANISM_NOT_SUPPORTED = 42;
    static final int CONFLICTING_MECHANISMS = 43;
    static final int INVALID_API_KEY = 44;
    static final int NOT_AUTHORIZED = 50;
    static final int NOT_FOUND = 70;

    private final int code;

    SubsonicException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }

    static SubsonicException missing(String parameter) {
        return new SubsonicException(MISSING_PARAMETER, "Required parameter is missing: " + parameter);
    }

    static SubsonicException notFound(String what) {
        return new SubsonicException(NOT_FOUND, what + " not found");
    }
}
