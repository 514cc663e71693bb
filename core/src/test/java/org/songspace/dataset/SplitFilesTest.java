package org.songspace.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.Fixtures;
import org.songspace.testing.SharedData;

class SplitFilesTest {
    @TempDir
    Path tmp;

    private Dataset gtzanAu() throws IOException {
        Path root = tmp.resolve("gtzan");
        for (String genre : List.of("blues", "rock")) {
            for (int i = 0; i < 4; i++) {
                Fixtures.tone(root.resolve("genres").resolve(genre).resolve(String.format(Locale.ROOT, "%s.%05d.au", genre, i)));
            }
        }
        return DatasetReader.read(root);
    }

    @Test
    void wavListsSelectTheOriginalAuFiles() throws IOException {
        Dataset ds = gtzanAu();
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("train_filtered.txt"), "blues/blues.00000.wav\nblues/blues.00001.wav\nrock/rock.00000.wav\n");
        Files.writeString(lists.resolve("valid_filtered.txt"), "rock/rock.00001.wav\n");
        Files.writeString(lists.resolve("test_filtered.txt"), "blues/blues.00003.wav\nrock/rock.00003.wav\n\n");
        SplitFiles.Loaded loaded = SplitFiles.read(lists, "filtered", ds, true);
        assertEquals(List.of("blues/blues.00000", "blues/blues.00001", "rock/rock.00000"), loaded.split().train());
        assertEquals(List.of("rock/rock.00001"), loaded.split().valid());
        assertEquals(2, loaded.split().test().size());
        assertEquals(0, loaded.missing());
        assertEquals(loaded.split(), SplitFiles.read(lists + ":filtered", ds).split(), "DIR:NAME names the same lists");
    }

    @Test
    void unknownTracksAreNamedOrCounted() throws IOException {
        Dataset ds = gtzanAu();
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("train.txt"), "blues/blues.00000.wav\njazz/jazz.00054.wav\n");
        DatasetException e = assertThrows(DatasetException.class, () -> SplitFiles.read(lists, "", ds, true));
        assertTrue(e.getMessage().contains("train.txt line 2: jazz/jazz.00054.wav is not in the dataset"), e.getMessage());
        assertEquals(1, SplitFiles.read(lists, "", ds, false).missing());
        Files.writeString(lists.resolve("test.txt"), "blues/blues.00000.wav\n");
        assertThrows(DatasetException.class, () -> SplitFiles.read(lists, "", ds, false), "a track in two parts");
    }

    @Test
    void writtenSplitReadsBackIdentically() throws IOException {
        Dataset ds = gtzanAu();
        Split split = Splitter.holdout(ds, 0.25, 0.25, 3);
        Path out = tmp.resolve("run");
        SplitFiles.write(split, ds, out);
        assertTrue(Files.readString(out.resolve("train.txt")).contains(".au\n"), "lists name the real files");
        Split back = SplitFiles.read(out, "", ds, true).split();
        assertEquals(split.train(), back.train());
        assertEquals(split.valid(), back.valid());
        assertEquals(split.test(), back.test());
    }

    @Test
    void publishedArtistFilteredSplitHasItsKnownSizes() throws IOException {
        Path lists = SharedData.require("data/gtzan-splits");
        assertEquals(443, count(lists.resolve("train_filtered.txt")));
        assertEquals(197, count(lists.resolve("valid_filtered.txt")));
        assertEquals(290, count(lists.resolve("test_filtered.txt")));
        // Against the 101-clip subset only a few listed tracks exist; the rest are counted as missing.
        Dataset mini = DatasetReader.read(SharedData.require("data/gtzan-mini"));
        SplitFiles.Loaded loaded = SplitFiles.read(lists, "filtered", mini, false);
        assertEquals(930, loaded.split().size() + loaded.missing());
        assertTrue(loaded.split().size() > 0);
    }

    private static long count(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }
}
