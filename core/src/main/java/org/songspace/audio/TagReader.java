package org.songspace.audio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * Reads a file's tags with jaudiotagger (MP3, MP4/M4A, FLAC, Ogg Vorbis, WMA, WAV, AIFF) and, for the
 * formats it does not know (Opus, WavPack, APE, Matroska...), from FFmpeg's metadata. Never fails: a
 * broken tag gives {@link TrackTags#NONE}, and the track is analysed without tags.
 */
public final class TagReader {
    private static final Set<String> JAUDIOTAGGER = Set.of("mp3", "mp4", "m4a", "m4b", "m4p", "flac", "ogg", "oga",
            "wma", "wav", "aif", "aiff", "aifc", "dsf");
    /** jaudiotagger logs every oddity of every file at INFO/WARNING; songspace reports what matters itself. */
    private static final Logger QUIET = quiet();

    private TagReader() {
    }

    private static Logger quiet() {
        Logger logger = Logger.getLogger("org.jaudiotagger");
        logger.setLevel(Level.OFF);
        return logger;
    }

    public static TrackTags read(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (QUIET != null && JAUDIOTAGGER.contains(ext)) {
            try {
                return fromJaudiotagger(AudioFileIO.read(file.toFile()));
            } catch (Exception | StackOverflowError e) {
                // Fall through to FFmpeg, which reads many damaged tags jaudiotagger refuses.
            }
        }
        return fromFfmpeg(FfmpegDecoder.readMetadata(file));
    }

    /** A picture embedded in a file's tags (the front cover when marked, else the first). */
    public record Picture(byte[] data, String mimeType) {
    }

    /** The file's embedded cover art, or empty (no art, a format jaudiotagger does not read, a broken tag). */
    public static java.util.Optional<Picture> embeddedArt(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (QUIET == null || !JAUDIOTAGGER.contains(ext)) {
            return java.util.Optional.empty();
        }
        try {
            Tag tag = AudioFileIO.read(file.toFile()).getTag();
            if (tag == null || tag.getArtworkList().isEmpty()) {
                return java.util.Optional.empty();
            }
            org.jaudiotagger.tag.images.Artwork art = tag.getArtworkList().stream()
                    .filter(a -> a.getPictureType() == 3).findFirst().orElse(tag.getFirstArtwork());
            byte[] data = art.getBinaryData();
            String mime = art.getMimeType() == null || art.getMimeType().isBlank() ? "image/jpeg" : art.getMimeType();
            return data == null || data.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(new Picture(data, mime));
        } catch (Exception | StackOverflowError e) {
            return java.util.Optional.empty();
        }
    }

    private static TrackTags fromJaudiotagger(AudioFile audio) {
        Tag tag = audio.getTag();
        AudioHeader header = audio.getAudioHeader();
        Double duration = header == null ? null : header.getPreciseTrackLength();
        if (tag == null) {
            return new TrackTags(null, null, null, null, null, null, null, duration, null, null, null);
        }
        return new TrackTags(first(tag, FieldKey.ARTIST), first(tag, FieldKey.ALBUM_ARTIST), first(tag, FieldKey.ALBUM),
                first(tag, FieldKey.TITLE), TrackTags.leadingNumber(first(tag, FieldKey.TRACK)),
                TrackTags.leadingNumber(first(tag, FieldKey.YEAR)), first(tag, FieldKey.GENRE), duration,
                first(tag, FieldKey.MUSICBRAINZ_TRACK_ID), first(tag, FieldKey.MUSICBRAINZ_RELEASEID),
                first(tag, FieldKey.ISRC));
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            return tag.getFirst(key);
        } catch (RuntimeException e) {
            return null; // a field this tag format cannot hold
        }
    }

    private static TrackTags fromFfmpeg(Map<String, String> m) {
        String duration = m.get(FfmpegDecoder.DURATION_KEY);
        return new TrackTags(m.get("artist"), pick(m, "album_artist", "albumartist"), m.get("album"), m.get("title"),
                TrackTags.leadingNumber(pick(m, "track", "tracknumber")), TrackTags.leadingNumber(pick(m, "date", "year")),
                m.get("genre"), duration == null ? null : Double.valueOf(duration),
                pick(m, "musicbrainz_trackid", "musicbrainz track id"),
                pick(m, "musicbrainz_albumid", "musicbrainz album id"), pick(m, "isrc", "tsrc"));
    }

    private static String pick(Map<String, String> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return m.get(k);
            }
        }
        return null;
    }
}
