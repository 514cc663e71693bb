package org.songspace.audio;

/**
 * Decodes one container/codec from its bytes into mono float samples at the file's own rate.
 * Implementations are stateless and safe to share between threads.
 */
public interface AudioDecoder {

    /** Short name of the format, e.g. "wav". */
    String format();

    /** True when {@code head} (the first bytes of a file, maybe fewer than 64) starts like this format. */
    boolean recognises(byte[] head);

    /**
     * Decodes a whole file.
     *
     * @throws AudioFormatException when the bytes are not a complete, supported stream of this format
     */
    AudioClip decode(byte[] data) throws AudioFormatException;
}
