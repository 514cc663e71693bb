package org.songspace.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * Decodes compressed audio (MP3, AAC/ALAC in MP4, Opus, Vorbis, FLAC, WMA, APE, WavPack...) with
 * FFmpeg's libraries inside the JVM, to mono float at the file's own rate. Float decoders (mp3float,
 * aac, opus, vorbis) are not clipped to 16 bits as JLayer is, and MP3 encoder delay and padding are
 * trimmed from the LAME tag as mpg123 and libsndfile do.
 *
 * <p>An excerpt is read by seeking in the compressed stream, so a two-hour file costs what its
 * excerpt costs. Whatever the file, a decode is bounded in output length and time, and every native
 * structure is freed on every path ({@link FfmpegStream} is closed by try-with-resources).
 */
public final class FfmpegDecoder {
    private final double maxSeconds;
    private final long timeoutNanos;

    /**
     * @param maxSeconds longest audio decoded from one file (a longer whole-file decode is refused)
     * @param timeoutSeconds wall time after which a decode is stopped
     */
    public FfmpegDecoder(double maxSeconds, double timeoutSeconds) {
        this.maxSeconds = maxSeconds;
        this.timeoutNanos = (long) (timeoutSeconds * 1e9);
    }

    /** True when FFmpeg's native libraries load on this machine. */
    public static boolean available() {
        return FfmpegLibraries.LOAD_ERROR == null;
    }

    /** Why FFmpeg did not load (null when it did). */
    public static String unavailableReason() {
        return FfmpegLibraries.LOAD_ERROR;
    }

    /** Decodes {@code excerpt} of {@code file}. */
    public AudioClip decode(Path file, Excerpt excerpt) throws AudioFormatException {
        if (!available()) {
            throw new AudioFormatException("cannot decode this format: FFmpeg's native libraries did not load ("
                    + unavailableReason() + ")");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        try (FfmpegStream decode = FfmpegStream.open(file.toString())) {
            double duration = decode.durationSeconds();
            List<Excerpt.Window> windows = excerpt.windowsFor(duration);
            long budget = (long) (maxSeconds * decode.rate);
            SampleSink sink = new SampleSink(initialCapacity(duration, excerpt, decode.rate, budget));
            double wanted = 0;
            for (Excerpt.Window w : windows) {
                int before = sink.size();
                decode.read(w, sink, budget, deadline, maxSeconds);
                wanted += Double.isInfinite(w.length()) ? (sink.size() - before) / (double) decode.rate : w.length();
            }
            if (sink.size() == 0) {
                throw new AudioFormatException("no audio could be decoded (truncated or corrupt)");
            }
            String damage;
            if (windows.size() == 1 && windows.get(0).start() == 0 && Double.isInfinite(windows.get(0).length())) {
                damage = decode.checkComplete(sink.size());
            } else {
                // An excerpt of a cut-off file: its windows past the end give less, the rule is the same.
                damage = Damage.truncation(sink.size() / (double) decode.rate, wanted, 0.05 * wanted);
            }
            return AudioClip.decoded(sink.toArray(), decode.rate, decode.channels).withDamage(decode.damage()).withDamage(damage);
        }
    }

    /**
     * The container's and the audio stream's tags (keys lower-cased, first value wins) and the duration,
     * for formats the tag library does not read (Opus, WavPack, APE, Matroska...); empty when unreadable.
     */
    public static Map<String, String> readMetadata(Path file) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (!available()) {
            return tags;
        }
        try (FfmpegStream decode = FfmpegStream.open(file.toString())) {
            collect(decode.format.metadata(), tags);
            collect(decode.format.streams(decode.stream).metadata(), tags);
            double duration = decode.durationSeconds();
            if (duration > 0) {
                tags.put(DURATION_KEY, String.valueOf(duration));
            }
        } catch (AudioFormatException | RuntimeException e) {
            // Tags are a bonus: a file whose tags cannot be read is analysed without them.
        }
        return tags;
    }

    /** The key under which {@link #readMetadata} returns the duration in seconds. */
    public static final String DURATION_KEY = "songspace:duration";

    private static void collect(AVDictionary dict, Map<String, String> into) {
        if (dict == null || dict.isNull()) {
            return;
        }
        for (AVDictionaryEntry e = av_dict_iterate(dict, null); e != null && !e.isNull(); e = av_dict_iterate(dict, e)) {
            into.putIfAbsent(e.key().getString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    e.value().getString(StandardCharsets.UTF_8));
        }
    }

    private static int initialCapacity(double duration, Excerpt excerpt, int rate, long budget) {
        double seconds = excerpt.isWhole() || !(duration > excerpt.seconds()) ? duration : excerpt.seconds();
        double estimate = Double.isFinite(seconds) && seconds > 0 ? seconds * rate * 1.02 + 4096 : 1 << 20;
        return (int) Math.min(Math.min(estimate, budget + 4096.0), Integer.MAX_VALUE - 16);
    }
}
