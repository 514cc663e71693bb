package org.songspace.cli;

import org.songspace.io.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.WavWriter;
import org.songspace.features.FeatureConfig;
import org.songspace.io.Json;
import org.songspace.model.EncoderType;
import org.songspace.model.ModelFolder;

/**
 * A library with no manifest, only tags: the tags reach the index, `similar` shows them, and
 * --exclude-same-artist works from them.
 */
class TaggedLibraryTest {
    @TempDir
    Path dir;

    @Test
    void tagsReachTheIndexAndSimilar() throws Exception {
        assumeTrue(ExternalTools.onPath("ffmpeg"), "ffmpeg is not installed: skipping");
        Path lib = dir.resolve("Music");
        for (int i = 0; i < 6; i++) {
            char artist = (char) ('A' + i / 2);
            float[] x = new float[2 * 44100 * 4];
            for (int k = 0; k < x.length / 2; k++) {
                double v = 0.3 * Math.sin(2 * Math.PI * (110 + 40 * i) * k / 44100.0);
                x[2 * k] = (float) v;
                x[2 * k + 1] = (float) v;
            }
            Path wav = dir.resolve("t" + i + ".wav");
            WavWriter.write(wav, x, 44100, 2);
            Path out = lib.resolve("Artist " + artist + "/Album " + artist + "/0" + i + ".mp3");
            Files.createDirectories(out.getParent());
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", wav.toString(), "-c:a",
                    "libmp3lame", "-metadata", "artist=Artist " + artist, "-metadata", "album=Album " + artist,
                    "-metadata", "title=Song " + i, "-metadata", "date=" + (2000 + i), out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
        }
        Path model = dir.resolve("model");
        ModelFolder.saveUntrained(model, EncoderType.TRIPLET, FeatureConfig.librosaDefaults(), 1);
        Path index = dir.resolve("index");
        CliRun indexed = CliRun.of("index", model.toString(), lib.toString(), "--out", index.toString(),
                "--features", dir.resolve("features").toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        assertTrue(indexed.out().contains("index: 6 tracks"), indexed.out());

        CliRun json = CliRun.of("similar", index.toString(), "Artist A/Album A/00", "-k", "5", "--exclude-same-artist",
                "--json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode matches = Json.mapper().readTree(json.out()).get("results");
        assertEquals(4, matches.size(), json.out());
        for (JsonNode m : matches) {
            assertTrue(!m.get("artist").asText().equals("Artist A"), json.out());
            String letter = m.get("artist").asText().substring("Artist ".length());
            assertEquals("Album " + letter, m.get("album").asText());
            int i = Integer.parseInt(m.get("title").asText().substring("Song ".length()));
            assertEquals(2000 + i, m.get("tags").get("year").asInt());
        }
        CliRun byName = CliRun.of("similar", index.toString(), "artist c - SONG 4", "-k", "2", "--json");
        assertEquals(0, byName.exitCode(), byName.toString());
        assertEquals("Artist C/Album C/04", Json.mapper().readTree(byName.out()).get("seed").asText(),
                "\"Artist - Title\" from the tags finds the track, case-insensitively");
        CliRun text = CliRun.of("similar", index.toString(), "Artist B/Album B/02", "-k", "5");
        assertTrue(text.out().contains("\"Song 3\" - Artist B (Album B, 2003)"), text.out());
        assertTrue(text.out().toLowerCase(Locale.ROOT).contains("artist c/album c/04"), text.out());
    }
}
