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

    /** A refused request with the spec's code for its reason. */
    static SubsonicException of(org.songspace.access.AccessDenied e) {
        int code = switch (e.reason()) {
            case MISSING_PARAMETER -> MISSING_PARAMETER;
            case WRONG_CREDENTIALS -> WRONG_CREDENTIALS;
            case CONFLICTING_MECHANISMS -> CONFLICTING_MECHANISMS;
            case INVALID_API_KEY -> INVALID_API_KEY;
            case NO_USERS -> NOT_AUTHORIZED;
        };
        return new SubsonicException(code, e.getMessage());
    }

    static SubsonicException missing(String parameter) {
        return new SubsonicException(MISSING_PARAMETER, "Required parameter is missing: " + parameter);
    }

    static SubsonicException notFound(String what) {
        return new SubsonicException(NOT_FOUND, what + " not found");
    }
}
