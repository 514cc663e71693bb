package org.songspace.index;

/**
 * A track in the similarity index: identity, metadata, the source file's stamp (for incremental updates),
 * its embedding and its position on the library map.
 *
 * @param sourceBytes    size of the audio file when it was embedded
 * @param sourceModified its modification time in ms
 * @param title          the song's title when known
 */
public record IndexedTrack(String id, String path, String label, String artist, double durationSeconds,
                           long sourceBytes, long sourceModified, float[] vector, String title) {

    /** A track without a title. */
    public IndexedTrack(String id, String path, String label, String artist, double durationSeconds, long sourceBytes,
                        long sourceModified, float[] vector) {
        this(id, path, label, artist, durationSeconds, sourceBytes, sourceModified, vector, null);
    }

    /** The same track with another vector (null for listings). */
    public IndexedTrack withVector(float[] v) {
        return new IndexedTrack(id, path, label, artist, durationSeconds, sourceBytes, sourceModified, v, title);
    }
}
