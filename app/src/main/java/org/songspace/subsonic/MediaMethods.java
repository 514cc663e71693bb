package org.songspace.subsonic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.songspace.audio.TagReader;
import org.songspace.http.AudioTypes;
import org.songspace.http.FileResponses;
import org.songspace.index.IndexedTrack;

/** Audio and pictures: stream, download and getCoverArt. Files are found by id only. */
final class MediaMethods {
    private final Library library;

    MediaMethods(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("stream", c -> sendFile(c, library.catalog().song(c.required("id"))));
        methods.put("download", c -> sendFile(c, library.catalog().song(c.required("id"))));
        methods.put("getCoverArt", c -> coverArt(c, c.required("id")));
    }

    private void sendFile(Call c, IndexedTrack track) throws IOException {
        Path file = Path.of(track.path());
        if (!Files.isRegularFile(file)) {
            throw SubsonicException.notFound("The audio file of song " + track.id());
        }
        FileResponses.sendFile(c.ctx(), file, AudioTypes.contentType(SubsonicCatalog.suffix(track.path())));
    }

    /** A song's embedded picture; for an album id, the first of its songs that has one. */
    private void coverArt(Call c, String id) throws IOException {
        List<IndexedTrack> candidates = id.startsWith("al-") ? library.catalog().album(id).songs() : List.of(library.catalog().song(id));
        for (IndexedTrack t : candidates) {
            Optional<TagReader.Picture> art = TagReader.embeddedArt(Path.of(t.path()));
            if (art.isPresent()) {
                FileResponses.sendBytes(c.ctx(), art.get().data(), art.get().mimeType());
                return;
            }
        }
        throw SubsonicException.notFound("Cover art of " + id);
    }
}
