package org.songspace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioFiles;
import org.songspace.audio.AudioLoader;
import org.songspace.audio.Excerpt;
import org.songspace.audio.WavWriter;
import org.songspace.features.FftBackend;
import org.songspace.features.LogMelExtractor;
import org.songspace.features.StageClock;
import org.songspace.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decode and featurise N clips on all cores and print clips/s and the per-stage split.",
            "Without --input, N music-like 16-bit mono WAV clips are generated in a temporary folder first "
                + "(not timed). Reading the file from disk is part of the decode stage; no output is written."},
        footer = {"", "Examples:", "  ./songspace bench features --clips 200",
            "  ./songspace bench features --input ../shared/data/mp3-samples --clips 60 -t 1 --decoder java",
            "  ./songspace bench features --clips 200 --fft jtransforms"})
final class BenchFeaturesCommand implements Callable<Integer> {
    @Option(names = "--clips", paramLabel = "N", defaultValue = "200", description = "Clips to time (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--input", paramLabel = "DIR", description = "Time these files (the first N) instead of generated clips.")
    Path input;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Length of generated clips (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "22050",
            description = "Sample rate of generated clips; 44100 also times the resampler (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0", description = "Worker threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Untimed clips first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--decoder", paramLabel = "D", defaultValue = "default",
            description = "default (pure-Java WAV/AU, FFmpeg for the rest) or java (JLayer, jflac, JOrbis: the fallback "
                    + "where FFmpeg does not load), to compare them (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--fft", paramLabel = "LIB", defaultValue = "best",
            description = "The STFT's transforms: ffmpeg (FFmpeg's av_tx), jtransforms (pure Java, the fallback), or "
                    + "best (FFmpeg where it loads) (default: ${DEFAULT-VALUE}).")
    String fft;

    @Mixin
    ExcerptOptions excerptOptions = new ExcerptOptions();

    @Mixin
    FeatureOptions features = new FeatureOptions();

    @Override
    public Integer call() throws Exception {
        if (clips <= 0) {
            throw new UserError("--clips must be positive");
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (!decoder.equals("default") && !decoder.equals("java")) {
            throw new UserError("--decoder must be default or java, not " + decoder);
        }
        boolean java = decoder.equals("java");
        FftBackend backend = switch (fft) {
            case "best" -> FftBackend.best();
            case "ffmpeg" -> FftBackend.FFMPEG;
            case "jtransforms" -> FftBackend.JTRANSFORMS;
            default -> throw new UserError("--fft must be best, ffmpeg or jtransforms, not " + fft);
        };
        if (backend == FftBackend.FFMPEG && !org.songspace.audio.FfmpegDecoder.available()) {
            throw new UserError("--fft ffmpeg: FFmpeg's native libraries did not load ("
                    + org.songspace.audio.FfmpegDecoder.unavailableReason() + ")");
        }
        Excerpt excerpt = excerptOptions.excerpt(0);
        if (java && !excerpt.isWhole()) {
            throw new UserError("--decoder java reads whole files only; drop --excerpt");
        }
        Path temp = null;
        List<Path> files;
        try {
            if (input == null) {
                temp = Files.createTempDirectory("songspace-bench");
                files = generate(temp, Math.min(clips, 50));
            } else {
                files = AudioFiles.scan(input).stream().map(AudioFiles.Found::path).limit(clips).toList();
            }
            LogMelExtractor extractor = new LogMelExtractor(features.toConfig(), backend);
            List<Path> warm = new ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                warm.add(files.get(i % files.size()));
            }
            run(warm, extractor, workers, java, excerpt);
            List<Path> timed = new ArrayList<>();
            for (int i = 0; i < clips; i++) {
                timed.add(files.get(i % files.size()));
            }
            long start = System.nanoTime();
            StageClock clock = run(timed, extractor, workers, java, excerpt);
            double wall = (System.nanoTime() - start) / 1e9;
            report(timed.size(), wall, clock, workers, backend);
            return 0;
        } finally {
            if (temp != null) {
                org.songspace.io.AtomicFiles.deleteTree(temp);
            }
        }
    }

    private void report(int n, double wall, StageClock clock, int workers, FftBackend backend) {
        System.out.printf(Locale.ROOT, "bench features: %d clips%s, %d worker thread%s, %s, %s decoders, %s FFT, %s%n", n,
                input == null ? String.format(Locale.ROOT, " (%.0f s, %d Hz, 16-bit mono WAV, generated)", seconds, rate) : " from " + input,
                workers, workers == 1 ? "" : "s", features.toConfig().resampler().name().toLowerCase(Locale.ROOT), decoder,
                backend.name().toLowerCase(Locale.ROOT),
                excerptOptions.excerpt(0).describe());
        System.out.printf(Locale.ROOT, "throughput: %.1f clips/s (%d clips in %.2f s wall)%n", n / wall, n, wall);
        double total = 0;
        StringBuilder split = new StringBuilder("per clip, ms of one core:");
        for (StageClock.Stage s : StageClock.Stage.values()) {
            double ms = clock.nanos(s) / 1e6 / n;
            total += ms;
            split.append(String.format(Locale.ROOT, " %s %.2f", s.name().toLowerCase(Locale.ROOT), ms));
        }
        System.out.println(split.append(String.format(Locale.ROOT, " | total %.2f", total)));
    }

    /** Decodes and featurises every file, each worker timing its own stages; returns the summed clock. */
    private static StageClock run(List<Path> files, LogMelExtractor extractor, int workers, boolean java, Excerpt excerpt)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<StageClock>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    StageClock clock = new StageClock();
                    int i;
                    while ((i = next.getAndIncrement()) < files.size()) {
                        long t0 = System.nanoTime();
                        AudioClip clip = java ? AudioLoader.decodeInJava(files.get(i))
                                : AudioLoader.decode(files.get(i), excerpt);
                        clock.add(StageClock.Stage.DECODE, System.nanoTime() - t0);
                        extractor.logMel(clip, clock);
                    }
                    return clock;
                }));
            }
            StageClock total = new StageClock();
            for (Future<StageClock> part : parts) {
                total.addAll(part.get());
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Music-like clips: a few detuned partials with a beat envelope and noise, different per clip. */
    private List<Path> generate(Path dir, int count) throws IOException {
        List<Path> out = new ArrayList<>();
        int n = (int) (seconds * rate);
        for (int c = 0; c < count; c++) {
            Random random = new Random(c);
            float[] x = new float[n];
            double f0 = 80 + random.nextDouble() * 400;
            double bpm = 70 + random.nextDouble() * 100;
            for (int i = 0; i < n; i++) {
                double t = i / (double) rate;
                double beat = (t * bpm / 60) % 1;
                double env = Math.exp(-6 * beat);
                double v = 0.25 * Math.sin(2 * Math.PI * f0 * t) + 0.12 * Math.sin(2 * Math.PI * 2.01 * f0 * t)
                        + 0.06 * Math.sin(2 * Math.PI * 3.02 * f0 * t);
                x[i] = (float) (v * (0.5 + 0.5 * env) + 0.05 * env * random.nextGaussian());
            }
            Path p = dir.resolve(String.format(Locale.ROOT, "clip%04d.wav", c));
            WavWriter.write(p, x, rate, 1);
            out.add(p);
        }
        return out;
    }
}
