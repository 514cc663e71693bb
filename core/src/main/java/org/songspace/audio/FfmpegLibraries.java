package org.songspace.audio;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Loads FFmpeg's native libraries once, silences FFmpeg's own stderr logging (failures are reported
 * per file by songspace instead), and remembers why loading failed on a platform without natives.
 */
final class FfmpegLibraries {
    static final String LOAD_ERROR = load();

    private FfmpegLibraries() {
    }

    private static String load() {
        try {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            avformat.avformat_version();
            return null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** FFmpeg's text for an error code. */
    static String error(int code) {
        byte[] buf = new byte[256];
        avutil.av_strerror(code, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }
}
