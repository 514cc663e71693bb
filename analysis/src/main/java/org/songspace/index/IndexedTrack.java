package org.songspace.index;

/**
 * A track in the similarity index: identity, metadata, the source file's stamp (for incremental updates),
 * its embedding and its position on the library map.
 *
 * @param sourceBytes    size of the audio file when it was embedded
 * @param sourceModified its modification time in ms
 */
public record IndexedTrack(String id, String path, String label, String artist, double durationSeconds,
                           long sourceBytes, long sourceModified, float[] vector) {

    /** The same track without its vector (for listings). */
    public IndexedTrack withoutVector() {
        return new IndexedTrack(id, path, label, artist, durationSeconds, sourceBytes, sourceModified, null);
    }
}
