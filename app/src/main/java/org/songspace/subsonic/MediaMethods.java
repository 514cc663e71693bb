package org.songspace.subsonic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.songspace.audio.AudioFormatException;
import org.songspace.audio.Transcoder;
import org.songspace.http.AudioTypes;
import org.songspace.http.FileResponses;
import org.songspace.index.IndexedTrack;

/** Audio and pictures: stream, download and getCoverArt. Files are found by id only. */
final class MediaMethods {
    /** Bit rates a player may ask for, in kb/s. */
    static final int MIN_KBPS = 32;
    static final int MAX_KBPS = 320;
    static final int DEFAULT_MP3_KBPS = 192;
    static final int DEFAULT_OPUS_KBPS = 128;

    private final Library library;
    private final TranscodeCache transcoded;

    MediaMethods(Library library) {
        this.library = library;
        this.transcoded = new TranscodeCache(library.state().file().getParent().resolve("transcoded"));
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("stream", this::stream);
        methods.put("download", c -> sendFile(c, library.catalog().song(c.required("id"))));
        methods.put("getCoverArt", c -> coverArt(c, c.required("id")));
    }

    /**
     * The original, or a copy transcoded in-process when the player asks for another {@code format} (mp3,
     * opus) or a {@code maxBitRate} below the file's (then MP3); {@code format=raw} is always the original.
     */
    private void stream(Call c) throws IOException {
        IndexedTrack song = library.catalog().song(c.required("id"));
        String format = c.get("format");
        int maxKbps = c.number("maxBitRate", 0, 100_000);
        Optional<Transcoder.Target> target = format == null || format.equals("raw") ? Optional.empty() : Transcoder.Target.named(format);
        if (format != null && !format.equals("raw") && target.isEmpty()) {
            throw new SubsonicException(SubsonicException.GENERIC, "format " + format + " is not made here: mp3, opus or raw");
        }
        String suffix = SubsonicCatalog.suffix(song.path());
        if (target.isEmpty() && format == null && maxKbps > 0 && bitRate(song) > maxKbps) {
            target = Optional.of(Transcoder.Target.MP3);
        }
        if (target.isEmpty() || target.get().suffix.equals(suffix) && (maxKbps == 0 || bitRate(song) <= maxKbps)) {
            sendFile(c, song);
            return;
        }
        Transcoder.Target t = target.get();
        int kbps = Math.max(MIN_KBPS, Math.min(MAX_KBPS, maxKbps > 0 ? maxKbps
                : t == Transcoder.Target.MP3 ? DEFAULT_MP3_KBPS : DEFAULT_OPUS_KBPS));
        Path copy;
        try {
            copy = transcoded.get(song, t, kbps);
        } catch (AudioFormatException e) {
            throw new SubsonicException(SubsonicException.GENERIC, "cannot transcode song " + song.id() + ": " + e.getMessage());
        }
        FileResponses.sendFile(c.ctx(), copy, t.contentType);
    }

    /** The file's average bit rate in kb/s. */
    static int bitRate(IndexedTrack song) {
        return song.durationSeconds() <= 0 ? 0 : (int) Math.round(song.sourceBytes() * 8 / song.durationSeconds() / 1000);
    }

    private void sendFile(Call c, IndexedTrack track) throws IOException {
        Path file = Path.of(track.path());
        if (!Files.isRegularFile(file)) {
            throw SubsonicException.notFound("The audio file of song " + track.id());
        }
        FileResponses.sendFile(c.ctx(), file, AudioTypes.contentType(SubsonicCatalog.suffix(track.path())));
    }

    /** The picture of a song, album or artist, scaled to fit {@code size} when asked. */
    private void coverArt(Call c, String id) throws IOException {
        CoverArt.Picture picture = library.covers().picture(id).orElseThrow(() -> SubsonicException.notFound("Cover art of " + id));
        int size = c.number("size", 0, CoverArt.MAX_SIZE);
        if (size > 0) {
            picture = library.covers().scaled(id, picture, size);
        }
        FileResponses.sendBytes(c.ctx(), picture.data(), picture.mimeType());
    }
}
