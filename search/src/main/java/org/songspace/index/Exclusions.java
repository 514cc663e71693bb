package org.songspace.index;

import java.util.Set;

/**
 * Tracks a search must not return: these ids, and any track by these artists or from these albums.
 * Unknown artists and albums (null) never match, so an untagged library is not filtered to nothing.
 */
public record Exclusions(Set<String> ids, Set<String> artists, Set<String> albums) {
    public static final Exclusions NONE = new Exclusions(Set.of(), Set.of(), Set.of());

    public Exclusions {
        ids = Set.copyOf(ids);
        artists = Set.copyOf(artists);
        albums = Set.copyOf(albums);
    }

    public static Exclusions ids(Set<String> ids) {
        return new Exclusions(ids, Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return ids.isEmpty() && artists.isEmpty() && albums.isEmpty();
    }

    public boolean excludes(IndexedTrack t) {
        return ids.contains(t.id()) || t.artist() != null && artists.contains(t.artist())
                || t.album() != null && albums.contains(t.album());
    }
}
