package org.songspace.similarity;

import java.util.Optional;
import org.songspace.index.IndexedTrack;

/**
 * What a search starts from: a vector, and the indexed track it is when the query named one (by id or
 * by the path of its file), so that the track is never its own neighbour.
 *
 * @param query    what the user asked for (an id, a path, an upload's name)
 * @param vector   the embedding searched with
 * @param track    the indexed track the query is, or null for audio that is not in the index
 * @param embedded whether {@code vector} was computed now (new or changed audio) rather than read from the index
 */
public record Seed(String query, float[] vector, IndexedTrack track, boolean embedded) {

    public Optional<IndexedTrack> indexedTrack() {
        return Optional.ofNullable(track);
    }

    /** How the seed is shown to a person. */
    public String describe(String modelId) {
        if (track != null && !embedded) {
            return track.id();
        }
        return query + " (embedded with " + modelId + ")";
    }
}
