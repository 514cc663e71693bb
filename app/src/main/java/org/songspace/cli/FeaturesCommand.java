package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.songspace.features.FeatureJob;
import org.songspace.features.FeatureManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute librosa-identical log-mel spectrograms for a file or a folder of audio.",
            "Writes OUT/<relative path without extension>.npy (float32 [n_mels, frames], dB) per track and "
                + "OUT/features.json (config, tracks, failures). Tracks already computed with the same "
                + "config are skipped; unreadable files are reported and skipped.",
            "Formats: WAV and AU/SND in pure Java; MP3, AAC and ALAC (.m4a), FLAC, Opus, Ogg Vorbis, WMA, APE, "
                + "WavPack, AIFF and more through FFmpeg in-process. Tags (artist, album, title, ...) are read and "
                + "kept. Every file that is not analysed is named with its reason, except plain non-audio (cover art, "
                + "playlists, text), which is counted."},
        footer = {"", "Examples:", "  ./songspace features ~/Music/gtzan --out features/gtzan",
            "  ./songspace features ~/Music --out features/music --excerpt 30 --excerpt-windows 3"})
final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "An audio file, or a folder searched recursively.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "Files decoded in parallel; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Mixin
    ExcerptOptions excerpt = new ExcerptOptions();

    @Mixin
    FeatureOptions features = new FeatureOptions();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        FeatureJob.Result result;
        try (FeatureProgress progress = new FeatureProgress(quiet)) {
            result = FeatureJob.create(features.toConfig(), threads, progress)
                    .withExcerpt(excerpt.excerpt(0)).run(input, out);
        }
        for (FeatureManifest.Failure f : result.failed()) {
            System.err.println("skipped " + f.source() + ": " + f.reason());
        }
        for (FeatureManifest.Failure f : result.damaged()) {
            System.err.println("damaged, analysed what decodes: " + f.source() + ": " + f.reason());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "features: %d tracks in %s (%s) in %.1f s%n",
                result.manifest().tracks().size(), out, result.summary(), seconds);
        return result.allSucceeded() ? 0 : Main.SOME_FAILED;
    }
}
