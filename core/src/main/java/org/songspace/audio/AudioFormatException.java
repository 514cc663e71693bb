package org.songspace.audio;

import java.io.IOException;

/** A file that is not audio we can read: empty, truncated, corrupt, or an unsupported codec. */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public AudioFormatException(String message) {
        super(message);
    }

    public AudioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
