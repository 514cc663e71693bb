package org.songspace.dataset;

import java.io.IOException;

/** A dataset that cannot be used as given; the message names the file, row or folder at fault. */
public class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
