package org.songspace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.songspace.democorpus.DemoCorpus;
import org.songspace.io.Parallel;
import org.songspace.io.UserError;

/**
 * A generated, tagged library for benchmarks: demo-corpus music looped to full song length, encoded by
 * Debian's ffmpeg in the formats a real library holds, laid out as Artist/Album/NN Title.ext. Each
 * (style, format) pair is encoded once; further tracks are stream copies of it with their own tags, so a
 * library of thousands of tracks is made in about a minute.
 */
public final class LibraryGenerator {
    /** The formats, by name: ffmpeg arguments and file extension. */
    enum Format {
        MP3("mp3", "-c:a", "libmp3lame", "-b:a", "192k"),
        MP3_VBR("mp3", "-c:a", "libmp3lame", "-q:a", "2"),
        M4A("m4a", "-c:a", "aac", "-b:a", "192k"),
        OPUS("opus", "-c:a", "libopus", "-b:a", "128k"),
        FLAC("flac", "-c:a", "flac");

        final String extension;
        final List<String> codec;

        Format(String extension, String... codec) {
            this.extension = extension;
            this.codec = List.of(codec);
        }
    }

    private static final int STYLES = 10;

    private LibraryGenerator() {
    }

    /** Writes {@code tracks} tracks of {@code minutes} into {@code dir}; a file already there is kept. */
    static List<Path> generate(Path dir, int tracks, double minutes, List<Format> formats, int threads) throws IOException {
        requireFfmpeg();
        Path base = dir.resolve(".base");
        DemoCorpus.generate(base.resolve("clips"), DemoCorpus.Spec.of(1, DemoCorpus.DEFAULT_SECONDS, 7), threads, p -> { });
        List<Path> clips;
        try (var walk = Files.walk(base.resolve("clips"))) {
            clips = walk.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        ConcurrentMap<String, Path> encoded = new ConcurrentHashMap<>();
        List<Parallel.Task<Void>> first = new ArrayList<>();
        for (int s = 0; s < Math.min(STYLES, clips.size()); s++) {
            for (Format f : formats) {
                int style = s;
                first.add(() -> {
                    Path out = base.resolve(String.format(Locale.ROOT, "%02d-%s.%s", style, f.name().toLowerCase(Locale.ROOT),
                            f.extension));
                    if (!Files.isRegularFile(out)) {
                        List<String> cmd = new ArrayList<>(List.of("-stream_loop", "-1", "-i", clips.get(style).toString(),
                                "-t", String.valueOf(minutes * 60), "-ar", f == Format.OPUS ? "48000" : "44100", "-ac", "2"));
                        cmd.addAll(f.codec);
                        cmd.add(out.toString());
                        ffmpeg(cmd, out);
                    }
                    encoded.put(style + "/" + f, out);
                    return null;
                });
            }
        }
        Parallel.run(threads, first);
        List<Path> files = new ArrayList<>();
        List<Parallel.Task<Void>> copies = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            Format f = formats.get(i % formats.size());
            int style = (i / formats.size()) % Math.min(STYLES, clips.size());
            int artist = i % 25;
            int album = i / 25;
            Path out = dir.resolve(String.format(Locale.ROOT, "Artist %02d/Album %03d/%03d Track %d.%s", artist, album,
                    i, i, f.extension));
            files.add(out);
            String genre = clips.get(style).getParent().getFileName().toString();
            int number = i;
            copies.add(() -> {
                if (!Files.isRegularFile(out)) {
                    Files.createDirectories(out.getParent());
                    ffmpeg(List.of("-i", encoded.get(style + "/" + f).toString(), "-c", "copy", "-map_metadata", "-1",
                            "-metadata", "artist=Artist " + artist, "-metadata", "album=Album " + album,
                            "-metadata", "title=Track " + number, "-metadata", "track=" + (number % 25 + 1),
                            "-metadata", "date=" + (1970 + number % 50), "-metadata", "genre=" + genre, out.toString()), out);
                }
                return null;
            });
        }
        Parallel.run(threads, copies);
        return files;
    }

    private static void requireFfmpeg() {
        if (!org.songspace.io.ExternalTools.onPath("ffmpeg")) {
            throw new UserError("bench library encodes its tracks with Debian's ffmpeg command, which is not on the "
                    + "PATH (apt-get install ffmpeg)");
        }
    }

    /** Runs ffmpeg writing {@code out} through a temporary name, so a killed run leaves no half file. */
    private static void ffmpeg(List<String> args, Path out) throws IOException {
        Path tmp = out.resolveSibling(".part-" + out.getFileName());
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        cmd.addAll(args.subList(0, args.size() - 1));
        cmd.addAll(List.of("-f", muxer(out), tmp.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("ffmpeg failed on " + out + ": " + log.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while encoding " + out, e);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String muxer(Path out) {
        String name = out.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "m4a" -> "ipod";
            case "opus" -> "opus";
            default -> ext;
        };
    }
}
