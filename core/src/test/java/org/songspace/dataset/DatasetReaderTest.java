package org.songspace.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.Fixtures;
import org.songspace.testing.SharedData;

class DatasetReaderTest {
    @TempDir
    Path tmp;

    private Path gtzan(String inner, String ext) throws IOException {
        Path root = tmp.resolve("gtzan");
        for (String genre : List.of("blues", "jazz")) {
            for (int i = 0; i < 3; i++) {
                Fixtures.tone(root.resolve(inner).resolve(genre).resolve(String.format(Locale.ROOT, "%s.%05d.%s", genre, i, ext)));
            }
        }
        return root;
    }

    @Test
    void gtzanOriginalAuLayoutIsDetectedUnderGenres() throws IOException {
        Path root = gtzan("genres", "au");
        Dataset ds = DatasetReader.read(root);
        assertEquals(Layout.GTZAN, ds.layout());
        assertEquals(6, ds.tracks().size());
        assertEquals(List.of("blues", "jazz"), ds.labels());
        assertEquals("blues/blues.00000", ds.tracks().get(0).id());
        assertEquals("blues", ds.tracks().get(0).label());
        assertTrue(ds.isLabeled());
    }

    @Test
    void gtzanSharedCopyWithWavUnderGenresOriginal() throws IOException {
        Dataset ds = DatasetReader.read(gtzan("genres_original", "wav"));
        assertEquals(Layout.GTZAN, ds.layout());
        assertEquals(Map.of("blues", 3, "jazz", 3), ds.countsByLabel());
    }

    @Test
    void folderPerLabelWithNestedFolders() throws IOException {
        Path root = tmp.resolve("lib");
        Fixtures.tone(root.resolve("Rock/Artist A/song one.wav"));
        Fixtures.tone(root.resolve("Rock/Artist B/two.au"));
        Fixtures.tone(root.resolve("Ambient/three.wav"));
        Dataset ds = DatasetReader.read(root);
        assertEquals(Layout.FOLDERS, ds.layout());
        assertEquals(List.of("Ambient/three", "Rock/Artist A/song one", "Rock/Artist B/two"),
                ds.tracks().stream().map(Track::id).toList());
        assertEquals(List.of("Ambient", "Rock"), ds.labels());
    }

    @Test
    void unlabeledLibrary() throws IOException {
        Path root = tmp.resolve("music");
        Fixtures.tone(root.resolve("a.wav"));
        Fixtures.tone(root.resolve("sub/b.wav"));
        Dataset ds = DatasetReader.read(root);
        assertEquals(Layout.UNLABELED, ds.layout());
        assertFalse(ds.isLabeled());
        assertNull(ds.tracks().get(0).label());
        DatasetException e = assertThrows(DatasetException.class, () -> ds.requireLabels("evaluate"));
        assertTrue(e.getMessage().startsWith("evaluate needs labels"), e.getMessage());
    }

    @Test
    void manifestWithArtistsAndQuotedFields() throws IOException {
        Path root = tmp.resolve("m");
        Fixtures.tone(root.resolve("audio/x.wav"));
        Fixtures.tone(root.resolve("audio/y.wav"));
        Files.writeString(root.resolve("manifest.csv"),
                "path,label,artist,title\naudio/x.wav,pop,\"Smith, Jane\",\"A \"\"quoted\"\" title\"\n\naudio/y.wav,rock,,Y\n");
        Dataset ds = DatasetReader.read(root);
        assertEquals(Layout.MANIFEST, ds.layout());
        assertEquals("audio/x", ds.tracks().get(0).id());
        assertEquals("Smith, Jane", ds.tracks().get(0).artist());
        assertEquals("A \"quoted\" title", ds.tracks().get(0).title());
        assertEquals("A \"quoted\" title", ds.tracks().get(0).displayTitle());
        assertEquals("Smith, Jane", ds.tracks().get(0).group());
        assertEquals("audio/y", ds.tracks().get(1).group(), "no artist: the track is its own group");
        assertTrue(ds.hasArtists());
        assertEquals(Layout.MANIFEST, DatasetReader.read(root.resolve("manifest.csv")).layout());
    }

    @Test
    void badManifestRowsAreNamed() throws IOException {
        Path root = tmp.resolve("bad");
        Fixtures.tone(root.resolve("x.wav"));
        assertMessage(root, "path,label\nx.wav,pop\nmissing.wav,rock\n", "manifest.csv line 3: file not found: missing.wav");
        assertMessage(root, "path,label\nx.wav,\n", "manifest.csv line 2: the label is empty for x.wav");
        assertMessage(root, "path,label\nx.wav,pop\n./x.wav,pop\n", "line 3: duplicate track id 'x' (also on line 2)");
        assertMessage(root, "file_name,genre\nx.wav,pop\n", "the header has no path column");
        assertMessage(root, "path,label\n", "the manifest lists no tracks");
    }

    private static void assertMessage(Path root, String csv, String expected) throws IOException {
        Files.writeString(root.resolve("manifest.csv"), csv);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(root));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void labelFolderProblemsAreNamed() throws IOException {
        Path root = tmp.resolve("f");
        Fixtures.tone(root.resolve("rock/a.wav"));
        Fixtures.tone(root.resolve("loose.wav"));
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(root, Layout.FOLDERS));
        assertTrue(e.getMessage().contains("loose.wav is not inside a label folder"), e.getMessage());

        Path g = gtzan("genres", "au");
        Files.createDirectories(g.resolve("genres/metal"));
        DatasetException empty = assertThrows(DatasetException.class, () -> DatasetReader.read(g, Layout.GTZAN));
        assertTrue(empty.getMessage().contains("metal holds no audio files"), empty.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> DatasetReader.read(tmp.resolve("nope")));
    }

    @Test
    void sharedGtzanMiniReadsAsManifestWithArtists() throws IOException {
        Dataset ds = DatasetReader.read(SharedData.require("data/gtzan-mini"));
        assertEquals(Layout.MANIFEST, ds.layout());
        assertEquals(101, ds.tracks().size());
        assertEquals(10, ds.labels().size());
        assertEquals("John Lee Hooker", ds.byId("blues/blues.00000").orElseThrow().artist());
    }
}
