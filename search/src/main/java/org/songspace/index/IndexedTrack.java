package org.songspace.index;

import org.songspace.audio.TrackTags;

/**
 * A track in the similarity index: identity, metadata, the source file's stamp (for incremental updates)
 * and its embedding.
 *
 * @param path           the audio file, absolute
 * @param label          genre or other class label, or null
 * @param artist         the artist, or null when unknown (variety rules skip unknowns)
 * @param album          the album, or null when unknown
 * @param title          the song's title when known
 * @param tags           everything the file's tags say (null when not read)
 * @param sourceBytes    size of the audio file when it was embedded
 * @param sourceModified its modification time in ms
 * @param vector         the embedding, or null in listings that do not need it
 * @param damage         what was wrong with the file yet decoded around when it was analysed, or null
 */
public record IndexedTrack(String id, String path, String label, String artist, String album, String title,
                           TrackTags tags, double durationSeconds, long sourceBytes, long sourceModified, float[] vector,
                           String damage) {

    /** An intact track. */
    public IndexedTrack(String id, String path, String label, String artist, String album, String title, TrackTags tags,
                        double durationSeconds, long sourceBytes, long sourceModified, float[] vector) {
        this(id, path, label, artist, album, title, tags, durationSeconds, sourceBytes, sourceModified, vector, null);
    }

    /** A track whose file tags were not read. */
    public IndexedTrack(String id, String path, String label, String artist, String album, String title,
                        double durationSeconds, long sourceBytes, long sourceModified, float[] vector) {
        this(id, path, label, artist, album, title, null, durationSeconds, sourceBytes, sourceModified, vector);
    }

    /** A track with no album or title (tests, benchmarks). */
    public IndexedTrack(String id, String path, String label, String artist, double durationSeconds, long sourceBytes,
                        long sourceModified, float[] vector) {
        this(id, path, label, artist, null, null, durationSeconds, sourceBytes, sourceModified, vector);
    }

    /** The same track with another vector (null for listings). */
    public IndexedTrack withVector(float[] v) {
        return new IndexedTrack(id, path, label, artist, album, title, tags, durationSeconds, sourceBytes, sourceModified, v,
                damage);
    }

    /** Whether the file on disk still has the size and modification time it had when embedded. */
    public boolean sameSource(long bytes, long modified) {
        return sourceBytes == bytes && sourceModified == modified;
    }
}
