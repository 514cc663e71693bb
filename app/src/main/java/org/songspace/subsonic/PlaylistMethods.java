package org.songspace.subsonic;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.songspace.index.IndexedTrack;
import org.songspace.state.PlaylistStore;
import org.songspace.subsonic.model.Shapes;

/**
 * Playlists made in a client: listed, shown, created, changed in place (the id stays, so a client's sync
 * keeps working) and deleted. A user sees their own and everyone's public playlists and changes only their
 * own. Songs that left the library are skipped when a playlist is shown.
 */
final class PlaylistMethods {
    private final Library library;

    PlaylistMethods(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getPlaylists", c -> c.answer("playlists", new Shapes.Playlists(library.state().playlists()
                .visibleTo(c.userName()).stream().map(this::summary).toList())));
        methods.put("getPlaylist", c -> c.answer("playlist", full(c, visible(c, c.required("id")))));
        methods.put("createPlaylist", this::create);
        methods.put("updatePlaylist", this::update);
        methods.put("deletePlaylist", c -> library.state().playlists().delete(owned(c, c.required("id")).id()));
    }

    private void create(Call c) {
        List<String> songs = songs(c.all("songId"));
        String id = c.get("playlistId");
        PlaylistStore.Playlist p;
        if (id != null) {
            PlaylistStore.Playlist existing = owned(c, id);
            library.state().playlists().replaceSongs(existing.id(), songs, ListeningMethods.now());
            if (c.get("name") != null) {
                library.state().playlists().update(existing.id(), new PlaylistStore.Change(c.get("name"), null, null,
                        List.of(), Set.of()), ListeningMethods.now());
            }
            p = library.state().playlists().get(existing.id()).orElseThrow();
        } else {
            p = library.state().playlists().create(c.userName(), c.required("name"), songs, ListeningMethods.now());
        }
        c.answer("playlist", full(c, p));
    }

    private void update(Call c) {
        PlaylistStore.Playlist p = owned(c, c.required("playlistId"));
        Set<Integer> remove = new HashSet<>();
        for (String index : c.all("songIndexToRemove")) {
            try {
                remove.add(Integer.parseInt(index.trim()));
            } catch (NumberFormatException e) {
                throw new SubsonicException(SubsonicException.GENERIC, "songIndexToRemove must be a number, got " + index);
            }
        }
        library.state().playlists().update(p.id(), new PlaylistStore.Change(c.get("name"), c.get("comment"), c.bool("public"),
                songs(c.all("songIdToAdd")), remove), ListeningMethods.now());
    }

    private List<String> songs(List<String> ids) {
        return ids.stream().map(id -> library.catalog().song(id).id()).toList();
    }

    private PlaylistStore.Playlist visible(Call c, String id) {
        PlaylistStore.Playlist p = find(id);
        if (!p.owner().equals(c.userName()) && !p.isPublic()) {
            throw SubsonicException.notFound("Playlist " + id);
        }
        return p;
    }

    private PlaylistStore.Playlist owned(Call c, String id) {
        PlaylistStore.Playlist p = visible(c, id);
        if (!p.owner().equals(c.userName())) {
            throw new SubsonicException(SubsonicException.NOT_AUTHORIZED, "Playlist " + id + " belongs to " + p.owner());
        }
        return p;
    }

    private PlaylistStore.Playlist find(String id) {
        try {
            return library.state().playlists().get(Long.parseLong(id)).orElseThrow(() -> SubsonicException.notFound("Playlist " + id));
        } catch (NumberFormatException e) {
            throw SubsonicException.notFound("Playlist " + id);
        }
    }

    private List<IndexedTrack> present(PlaylistStore.Playlist p) {
        return p.songs().stream().filter(library.catalog()::has).map(library.catalog()::song).toList();
    }

    private Shapes.Playlist summary(PlaylistStore.Playlist p) {
        List<IndexedTrack> songs = present(p);
        return new Shapes.Playlist(String.valueOf(p.id()), p.name(), p.comment(), p.owner(), p.isPublic(), songs.size(),
                (int) Math.round(songs.stream().mapToDouble(IndexedTrack::durationSeconds).sum()),
                ItemShapes.time(p.createdMillis()), ItemShapes.time(p.changedMillis()), null);
    }

    private Shapes.PlaylistWithSongs full(Call c, PlaylistStore.Playlist p) {
        return new Shapes.PlaylistWithSongs(summary(p), c.shapes().children(present(p)));
    }
}
