package org.songspace.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not audio we can read: empty, truncated, corrupt, or an unsupported codec. Decoders
 * state the {@link #reason()}; {@link AudioLoader} adds the file, so the message always names it.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public AudioFormatException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public AudioFormatException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    private AudioFormatException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.reason = reason;
    }

    /** The same failure, with the file (or upload name) it happened in leading the message. */
    public AudioFormatException in(String source) {
        AudioFormatException named = new AudioFormatException(source, reason, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    public AudioFormatException in(Path file) {
        return in(file.toString());
    }

    /** What is wrong, without the file name (for reports that list the file beside it). */
    public String reason() {
        return reason;
    }
}
