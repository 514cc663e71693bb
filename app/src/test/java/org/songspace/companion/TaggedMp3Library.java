package org.songspace.companion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.songspace.cli.CliRun;
import org.songspace.cli.TestPipeline;

/**
 * A small tagged MP3 library made from the demo corpus with Debian's ffmpeg (artist, album, title, genre
 * from the corpus manifest), and a songspace index of it: what the companion tests give other servers.
 */
record TaggedMp3Library(Path root, Path index) {
    static final List<String> GENRES = List.of("rock", "jazz", "metal");

    static TaggedMp3Library make(Path dir) throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        Path root = Files.createDirectories(dir.resolve("library"));
        for (String line : Files.readAllLines(built.corpus().resolve("manifest.csv"))) {
            String[] f = line.replace("\"", "").split(",");
            if (f[0].equals("path") || !GENRES.contains(f[1])) {
                continue;
            }
            Path mp3 = root.resolve(f[0].replace(".wav", ".mp3"));
            Files.createDirectories(mp3.getParent());
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", built.corpus().resolve(f[0]).toString(),
                    "-c:a", "libmp3lame", "-b:a", "96k", "-metadata", "artist=" + f[2], "-metadata", "album=" + f[2] + " live",
                    "-metadata", "title=" + f[3], "-metadata", "genre=" + f[1], mp3.toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), log);
        }
        Path index = dir.resolve("index");
        CliRun indexed = CliRun.of("index", built.model().toString(), root.toString(), "--out", index.toString(), "-q");
        assertEquals(0, indexed.exitCode(), indexed.toString());
        return new TaggedMp3Library(root, index);
    }
}
