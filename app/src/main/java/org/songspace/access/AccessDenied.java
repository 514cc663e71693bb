package org.songspace.access;

/** A request whose credentials are missing, wrong or contradictory; each front end answers it its own way. */
public final class AccessDenied extends RuntimeException {
    /** Why, in the terms of the Subsonic and OpenSubsonic specs (which give each its error code). */
    public enum Reason { MISSING_PARAMETER, WRONG_CREDENTIALS, CONFLICTING_MECHANISMS, INVALID_API_KEY, NO_USERS }

    private final Reason reason;

    public AccessDenied(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
