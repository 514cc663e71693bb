package org.songspace.subsonic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.songspace.index.IndexedTrack;

/**
 * The library as folders, for clients that browse by file layout (getIndexes, getMusicDirectory: DSub,
 * Substreamer's folder view). Folder ids are {@code dir-} + a hash of the path relative to the library
 * root, so they survive re-indexing; the root's top-level folders are getIndexes' artists.
 */
final class FolderTree {
    static final String ROOT_ID = "dir-root";

    /** A folder: its sub-folders' ids and its songs, by name. */
    record Folder(String id, String parentId, String name, List<String> subfolders, List<IndexedTrack> songs, long modified) {
    }

    private final Map<String, Folder> byId = new LinkedHashMap<>();

    FolderTree(SubsonicCatalog catalog) {
        Map<String, List<String>> subfolders = new LinkedHashMap<>();
        Map<String, List<IndexedTrack>> songs = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Long> modified = new LinkedHashMap<>();
        names.put(ROOT_ID, "");
        for (IndexedTrack t : catalog.songs()) {
            Path relative = Path.of(catalog.relativePath(t));
            String parent = ROOT_ID;
            Path so = null;
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                so = so == null ? relative.getName(i) : so.resolve(relative.getName(i));
                String id = SubsonicCatalog.id("dir-", so.toString());
                if (names.putIfAbsent(id, relative.getName(i).toString()) == null) {
                    parents.put(id, parent);
                    subfolders.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
                }
                modified.merge(id, t.sourceModified(), Math::max);
                parent = id;
            }
            songs.computeIfAbsent(parent, k -> new ArrayList<>()).add(t);
        }
        for (String id : names.keySet()) {
            List<String> subs = new ArrayList<>(subfolders.getOrDefault(id, List.of()));
            subs.sort(Comparator.comparing(s -> names.get(s).toLowerCase(Locale.ROOT)));
            List<IndexedTrack> own = new ArrayList<>(songs.getOrDefault(id, List.of()));
            own.sort(Comparator.comparing((IndexedTrack t) -> Path.of(t.path()).getFileName().toString().toLowerCase(Locale.ROOT)));
            byId.put(id, new Folder(id, parents.get(id), names.get(id), List.copyOf(subs), List.copyOf(own),
                    modified.getOrDefault(id, 0L)));
        }
    }

    Folder root() {
        return byId.get(ROOT_ID);
    }

    Folder folder(String id) {
        Folder f = byId.get(id);
        if (f == null) {
            throw SubsonicException.notFound("Folder " + id);
        }
        return f;
    }
}
