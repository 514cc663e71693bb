package org.songspace.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One recording of a dataset.
 *
 * @param id     stable id derived from the path: relative to the dataset root, '/' separated, without
 *               extension (e.g. {@code blues/blues.00000}); the same id names its features and embeddings
 * @param path   the audio file
 * @param label  class label (genre, style), or null in an unlabeled library
 * @param artist artist or other grouping for leakage-free splits, or null when unknown
 * @param title  the song's title when the collection names it (a manifest's title column), else null
 * @param album  the album when the collection names it (a manifest's album column), else null
 */
public record Track(String id, Path path, String label, String artist, String title, String album) {

    /** A track without a known title or album. */
    public Track(String id, Path path, String label, String artist) {
        this(id, path, label, artist, null, null);
    }

    public Track {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("track id is empty for " + path);
        }
        if (label != null && label.isBlank()) {
            label = null;
        }
        if (artist != null && artist.isBlank()) {
            artist = null;
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
        if (album != null && album.isBlank()) {
            album = null;
        }
    }

    public Optional<String> labelIfKnown() {
        return Optional.ofNullable(label);
    }

    /** The title, or the file name without extension when none is known. */
    public String displayTitle() {
        if (title != null) {
            return title;
        }
        String name = path.getFileName() == null ? id : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The group that must not straddle splits: the artist when known, else the track itself. */
    public String group() {
        return artist != null ? artist : id;
    }
}
