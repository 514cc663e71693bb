package org.songspace.io;

/**
 * A mistake in what the user gave (a flag's value, a path, a query), as opposed to a bug. Front ends show
 * its message alone, which therefore names the flag, file or value at fault; any other exception is a
 * bug and is shown with a short stack trace. It is an IllegalArgumentException, which is what it is.
 */
public class UserError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
