package org.songspace.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Re-encodes an audio file to MP3 (LAME) or Opus (in Ogg) at a bit rate, inside the JVM with the FFmpeg
 * libraries songspace already decodes with, for players on a slow connection. Channels are kept (at most
 * two), the rate is the source's where the encoder takes it (Opus is always 48 kHz). Every native
 * structure is freed on every path; a transcode is bounded in time.
 */
public final class Transcoder {
    /** What a player may ask for. */
    public enum Target {
        MP3("libmp3lame", "mp3", "audio/mpeg", "mp3"),
        OPUS("libopus", "ogg", "audio/ogg", "opus");

        final String encoder;
        final String muxer;
        public final String contentType;
        public final String suffix;

        Target(String encoder, String muxer, String contentType, String suffix) {
            this.encoder = encoder;
            this.muxer = muxer;
            this.contentType = contentType;
            this.suffix = suffix;
        }

        /** The target a Subsonic {@code format} names (mp3, opus; any case), if songspace makes it. */
        public static Optional<Target> named(String format) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "mp3" -> Optional.of(MP3);
                case "opus", "ogg", "oga" -> Optional.of(OPUS);
                default -> Optional.empty();
            };
        }
    }

    private Transcoder() {
    }

    /** Writes {@code input} re-encoded as {@code target} at {@code kbps} to {@code output} (replaced). */
    public static void transcode(Path input, Target target, int kbps, Path output, double timeoutSeconds)
            throws AudioFormatException {
        if (!FfmpegDecoder.available()) {
            throw new AudioFormatException("cannot transcode: FFmpeg's native libraries did not load ("
                    + FfmpegDecoder.unavailableReason() + ")");
        }
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        try (FfmpegStream source = FfmpegStream.open(input.toString());
             TranscodeEncoding encoding = TranscodeEncoding.open(source, target, kbps, output)) {
            AVPacket packet = encoding.inPacket;
            AVFrame decoded = encoding.decoded;
            while (av_read_frame(source.format, packet) >= 0) {
                try {
                    if (packet.stream_index() == source.stream && avcodec_send_packet(source.codec, packet) >= 0) {
                        while (avcodec_receive_frame(source.codec, decoded) >= 0) {
                            encoding.push(decoded);
                            av_frame_unref(decoded);
                        }
                    }
                } finally {
                    av_packet_unref(packet);
                }
                if (System.nanoTime() > deadline) {
                    throw new AudioFormatException("transcoding took longer than " + timeoutSeconds + " s");
                }
            }
            encoding.finish();
        }
    }
}
