package org.songspace.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.FfmpegDecoder;
import org.songspace.audio.TrackTags;
import org.songspace.audio.WavWriter;
import org.songspace.io.ExternalTools;

/**
 * A library folder as users have them: tagged tracks in five formats next to cover art, playlists, and
 * every kind of bad file. The run finishes, every file that is not analysed is named with its reason
 * (or counted as plain non-audio), and the tags reach the features manifest.
 */
class LibraryScanTest {
    @TempDir
    Path dir;

    private void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    @Test
    void everyFileIsAnalysedCountedOrNamedWithAReason() throws Exception {
        assumeTrue(ExternalTools.onPath("ffmpeg"), "ffmpeg is not installed (apt-get install ffmpeg): skipping");
        assumeTrue(FfmpegDecoder.available(), "FFmpeg natives did not load: " + FfmpegDecoder.unavailableReason());
        Path lib = Files.createDirectories(dir.resolve("Music"));
        Path album = Files.createDirectories(lib.resolve("Artist A/First Album"));
        Path wav = dir.resolve("src.wav");
        float[] x = new float[2 * 44100 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * (i / 2) / 44100.0) * (1 + (i % 2)));
        }
        WavWriter.write(wav, x, 44100, 2);
        String[] tags = {"-metadata", "artist=Artist A", "-metadata", "album=First Album", "-metadata", "date=2001",
            "-metadata", "genre=Rock", "-metadata", "track=3/12"};
        for (String[] f : List.of(new String[] {"01.mp3", "libmp3lame"}, new String[] {"02.m4a", "aac"},
                new String[] {"03.opus", "libopus"}, new String[] {"04.flac", "flac"}, new String[] {"05.ogg", "libvorbis"})) {
            List<String> args = new ArrayList<>(List.of("-i", wav.toString(), "-c:a", f[1]));
            args.addAll(Arrays.asList(tags));
            args.addAll(List.of("-metadata", "title=Song " + f[0], album.resolve(f[0]).toString()));
            ffmpeg(args.toArray(String[]::new));
        }
        Files.write(album.resolve("cover.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        Files.writeString(album.resolve("album.cue"), "FILE \"x.wav\" WAVE\n");
        Files.writeString(lib.resolve("playlist.m3u"), "01.mp3\n");
        Files.writeString(lib.resolve(".DS_Store"), "x");
        Files.createFile(lib.resolve("zero.mp3"));
        Files.write(lib.resolve("corrupt.mp3"), "this is not an mp3 at all, just text that goes on".repeat(40).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        byte[] flac = Files.readAllBytes(album.resolve("04.flac"));
        Files.write(lib.resolve("truncated.flac"), Arrays.copyOf(flac, flac.length / 2));
        Files.writeString(lib.resolve("weird.xyz"), "?");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x64:rate=5:duration=1", "-c:v", "mpeg4",
                lib.resolve("video-only.m4a").toString());
        Files.createSymbolicLink(lib.resolve("gone.mp3"), dir.resolve("missing.mp3"));
        Files.createSymbolicLink(album.resolve("loop"), lib);

        FeatureJob.Result result = FeatureJob.create(FeatureConfig.librosaDefaults(), 2, null).run(lib, dir.resolve("features"));

        Map<String, String> reasons = new TreeMap<>();
        result.failed().forEach(f -> reasons.put(Path.of(f.source()).getFileName().toString(), f.reason()));
        assertEquals(List.of("Artist A/First Album/01", "Artist A/First Album/02", "Artist A/First Album/03",
                "Artist A/First Album/04", "Artist A/First Album/05"),
                result.manifest().tracks().stream().map(FeatureManifest.Track::id).sorted().toList(), reasons.toString());
        assertEquals(4, result.notAudio(), "cover.jpg, album.cue, playlist.m3u, .DS_Store");
        Map<String, String> expected = Map.of("zero.mp3", "empty", "corrupt.mp3", "not a recognised audio format",
                "truncated.flac", "truncated", "weird.xyz", "unknown file type", "video-only.m4a", "no audio stream",
                "gone.mp3", "dangling symbolic link", "loop", "symbolic link loop");
        assertEquals(expected.keySet(), reasons.keySet(), reasons.toString());
        expected.forEach((file, reason) -> assertTrue(reasons.get(file).contains(reason), file + ": " + reasons.get(file)));
        assertEquals("5 analysed, 0 cached, 7 failed, 4 not audio", result.summary());

        for (FeatureManifest.Track t : result.manifest().tracks()) {
            TrackTags tag = t.tags();
            String file = Path.of(t.source()).getFileName().toString();
            assertEquals("Artist A", tag.artist(), file);
            assertEquals("First Album", tag.album(), file);
            assertEquals("Song " + file, tag.title(), file);
            assertEquals(2001, tag.year(), file);
            assertEquals(3, tag.trackNumber(), file);
            assertEquals("Rock", tag.genre(), file);
            assertEquals(3.0, tag.durationSeconds(), 0.1, file);
        }
        Map<String, Long> cachedRun = FeatureJob.create(FeatureConfig.librosaDefaults(), 2, null)
                .run(lib, dir.resolve("features")).manifest().tracks().stream()
                .collect(Collectors.groupingBy(t -> t.tags().artist(), Collectors.counting()));
        assertEquals(Map.of("Artist A", 5L), cachedRun);
    }
}
