package org.songspace.subsonic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.songspace.index.IndexedTrack;
import org.songspace.subsonic.model.Child;
import org.songspace.subsonic.model.Shapes;

/** Browsing by tags (artists, albums, songs, genres) and by folders, and the info pages of artists and albums. */
final class BrowseMethods {
    private final Library library;

    BrowseMethods(Library library) {
        this.library = library;
    }

    void register(Map<String, SubsonicApi.Method> methods) {
        methods.put("getMusicFolders", c -> c.answer("musicFolders", new Shapes.MusicFolders(List.of(
                new Shapes.MusicFolder(1, folderName())))));
        methods.put("getIndexes", this::indexes);
        methods.put("getMusicDirectory", this::directory);
        methods.put("getGenres", this::genres);
        methods.put("getArtists", c -> c.answer("artists", new Shapes.ArtistsID3("", byLetter(library.catalog().artists().stream()
                .map(a -> c.shapes().artist(a, false)).toList(), a -> a.name()).entrySet().stream()
                .map(e -> new Shapes.IndexID3(e.getKey(), e.getValue())).toList())));
        methods.put("getArtist", c -> c.answer("artist", c.shapes().artist(library.catalog().artist(c.required("id")), true)));
        methods.put("getAlbum", c -> c.answer("album", c.shapes().album(library.catalog().album(c.required("id")), true)));
        methods.put("getSong", c -> c.answer("song", c.shapes().child(library.catalog().song(c.required("id")))));
        methods.put("search3", c -> c.answer("searchResult3", SubsonicSearch.search3(c)));
        methods.put("search2", c -> c.answer("searchResult2", SubsonicSearch.search2(c)));
        methods.put("getArtistInfo", c -> c.answer("artistInfo", new Shapes.ArtistInfo("", similarArtists(c).stream()
                .map(a -> c.shapes().folderArtist(a)).toList())));
        methods.put("getArtistInfo2", c -> c.answer("artistInfo2", new Shapes.ArtistInfo2("", similarArtists(c).stream()
                .map(a -> c.shapes().artist(a, false)).toList())));
        methods.put("getAlbumInfo", this::albumInfo);
        methods.put("getAlbumInfo2", this::albumInfo);
    }

    private String folderName() {
        String root = library.service().manifest().library();
        return root == null ? "Library" : Path.of(root).getFileName().toString();
    }

    /** Items under their first letter ("#" for anything else), letters in order. */
    static <T> Map<String, List<T>> byLetter(List<T> items, Function<T, String> name) {
        Map<String, List<T>> out = new TreeMap<>();
        for (T item : items) {
            String n = name.apply(item);
            String letter = n.isEmpty() ? "#" : n.substring(0, 1).toUpperCase(Locale.ROOT);
            out.computeIfAbsent(Character.isLetter(letter.charAt(0)) ? letter : "#", k -> new ArrayList<>()).add(item);
        }
        return out;
    }

    private void indexes(Call c) {
        FolderTree.Folder root = library.folders().root();
        List<Shapes.Artist> top = root.subfolders().stream().map(id -> {
            FolderTree.Folder f = library.folders().folder(id);
            return new Shapes.Artist(f.id(), f.name(), null, null);
        }).toList();
        List<Shapes.Index> index = byLetter(top, Shapes.Artist::name).entrySet().stream()
                .map(e -> new Shapes.Index(e.getKey(), e.getValue())).toList();
        long modified = library.catalog().songs().stream().mapToLong(IndexedTrack::sourceModified).max().orElse(0);
        c.answer("indexes", new Shapes.Indexes("", modified, index, c.shapes().children(root.songs())));
    }

    /** A folder; an album or artist id (some clients mix the two views) answers its songs or albums. */
    private void directory(Call c) {
        String id = c.required("id");
        if (id.startsWith("al-")) {
            SubsonicCatalog.Album a = library.catalog().album(id);
            c.answer("directory", new Shapes.Directory(a.id(), a.artistId(), a.name(), null, c.shapes().children(a.songs())));
        } else if (id.startsWith("ar-")) {
            SubsonicCatalog.Artist a = library.catalog().artist(id);
            c.answer("directory", new Shapes.Directory(a.id(), null, a.name(), null,
                    a.albums().stream().map(al -> c.shapes().albumAsChild(al)).toList()));
        } else {
            FolderTree.Folder f = library.folders().folder(id);
            List<Child> children = new ArrayList<>();
            for (String sub : f.subfolders()) {
                FolderTree.Folder s = library.folders().folder(sub);
                children.add(Child.folder(s.id(), f.id(), s.name(), ItemShapes.time(s.modified())));
            }
            children.addAll(c.shapes().children(f.songs()));
            c.answer("directory", new Shapes.Directory(f.id(), f.parentId(), f.id().equals(FolderTree.ROOT_ID) ? folderName()
                    : f.name(), null, children));
        }
    }

    private void genres(Call c) {
        Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, java.util.Set<String>> albums = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (IndexedTrack t : library.catalog().songs()) {
            String g = SubsonicCatalog.genreOf(t);
            if (g != null) {
                counts.computeIfAbsent(g, k -> new int[1])[0]++;
                albums.computeIfAbsent(g, k -> new java.util.HashSet<>()).add(library.catalog().albumOf(t).id());
            }
        }
        c.answer("genres", new Shapes.Genres(counts.entrySet().stream()
                .map(e -> new Shapes.Genre(e.getKey(), e.getValue()[0], albums.get(e.getKey()).size())).toList()));
    }

    private List<SubsonicCatalog.Artist> similarArtists(Call c) {
        String id = c.required("id");
        SubsonicCatalog.Artist artist = id.startsWith("ar-") ? library.catalog().artist(id)
                : id.startsWith("al-") ? library.catalog().artist(library.catalog().album(id).artistId())
                : library.catalog().artist(library.catalog().albumOf(library.catalog().song(id)).artistId());
        return library.artistMap().similar(artist, c.number("count", 20, Call.MAX_LIST));
    }

    private void albumInfo(Call c) {
        String id = c.required("id");
        SubsonicCatalog.Album a = id.startsWith("al-") ? library.catalog().album(id)
                : library.catalog().albumOf(library.catalog().song(id));
        var tags = a.songs().get(0).tags();
        c.answer("albumInfo", new Shapes.AlbumInfo("", tags == null ? null : tags.musicBrainzReleaseId()));
    }
}
