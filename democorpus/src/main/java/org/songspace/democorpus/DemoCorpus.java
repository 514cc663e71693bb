package org.songspace.democorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.songspace.audio.WavWriter;
import org.songspace.io.Csv;
import org.songspace.io.Json;
import org.songspace.io.Parallel;
import org.songspace.io.UserError;

/**
 * The demo corpus: labelled music composed procedurally in ten styles and rendered with the JDK's MIDI
 * synthesizer to 22050 Hz mono 16-bit WAV, in a GTZAN-like tree ({@code <style>/<style>.00000.wav}) with
 * a {@code manifest.csv} (path,label,artist,title; the "artist" is the clip's band). Each clip depends
 * only on (seed, style, index), so the same seed gives byte-identical files in any thread order, and a
 * rerun keeps the files already written.
 */
public final class DemoCorpus {
    /** Default clips per style. */
    public static final int DEFAULT_PER_STYLE = 16;
    /** Default clip length in seconds. */
    public static final double DEFAULT_SECONDS = 20;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42;
    static final int SAMPLE_RATE = 22050;
    static final int BANDS_PER_STYLE = 4;

    /** Generation parameters, recorded in {@code corpus.json}. */
    public record Spec(int perStyle, double seconds, long seed, List<String> styles) {
        public Spec {
            if (perStyle <= 0 || perStyle > 100_000) {
                throw new UserError("--per-style must be between 1 and 100000, got " + perStyle);
            }
            if (!(seconds >= 3 && seconds <= 600)) {
                throw new UserError("--seconds must be between 3 and 600, got " + seconds);
            }
            styles = List.copyOf(styles);
            for (String s : styles) {
                Styles.byName(s);
            }
        }

        public static Spec of(int perStyle, double seconds, long seed) {
            return new Spec(perStyle, seconds, seed, styleNames());
        }
    }

    private DemoCorpus() {
    }

    public static List<String> styleNames() {
        return Styles.ALL.stream().map(Style::name).toList();
    }

    /** Writes the corpus under {@code out}; {@code progress} receives each finished file. Returns the manifest path. */
    public static Path generate(Path out, Spec spec, int threads, Consumer<Path> progress) throws IOException {
        Files.createDirectories(out);
        record Job(String style, int index, Path file) {
        }
        List<Job> jobs = new ArrayList<>();
        List<List<Object>> manifest = new ArrayList<>();
        for (String styleName : spec.styles()) {
            for (int i = 0; i < spec.perStyle(); i++) {
                String relative = String.format(Locale.ROOT, "%s/%s.%05d.wav", styleName, styleName, i);
                Band band = Band.of(Styles.byName(styleName), i % BANDS_PER_STYLE, spec.seed());
                manifest.add(List.of(relative, styleName, band.name(), styleName + " piece " + (i + 1)));
                jobs.add(new Job(styleName, i, out.resolve(relative)));
            }
        }
        Path corpusJson = out.resolve("corpus.json");
        boolean sameSpec = Files.isRegularFile(corpusJson) && spec.equals(Json.read(corpusJson, Spec.class));
        List<Parallel.Task<Void>> tasks = new ArrayList<>();
        for (Job job : jobs) {
            tasks.add(() -> {
                if (!(sameSpec && Files.isRegularFile(job.file()))) {
                    float[] samples = renderClip(Styles.byName(job.style()), job.index(), spec);
                    WavWriter.write(job.file(), samples, SAMPLE_RATE, 1);
                }
                progress.accept(job.file());
                return null;
            });
        }
        Parallel.run(threads, tasks);
        Json.write(corpusJson, spec);
        Path manifestPath = out.resolve("manifest.csv");
        Csv.write(manifestPath, List.of("path", "label", "artist", "title"), manifest);
        return manifestPath;
    }

    /** Composes and renders one clip; depends only on the style, the index and the spec. */
    static float[] renderClip(Style style, int index, Spec spec) {
        Band band = Band.of(style, index % BANDS_PER_STYLE, spec.seed());
        Random random = new Random(spec.seed() * 31 + style.name().hashCode() * 131L + index * 1_000_033L);
        Score score = Composer.compose(style, band, random, spec.seconds());
        float[] x = MidiRenderer.render(score, spec.seconds(), SAMPLE_RATE);
        master(x, random);
        return x;
    }

    /**
     * Production differs between records: a random tone (gentle low-pass and/or high-pass), a little hiss,
     * and the final level. Without it, a style's average spectrum alone would give it away.
     */
    static void master(float[] x, Random random) {
        if (random.nextBoolean()) {
            onePole(x, 2500 + random.nextDouble() * 8500, true);
        }
        if (random.nextBoolean()) {
            onePole(x, 30 + random.nextDouble() * 220, false);
        }
        float peak = peak(x);
        if (peak == 0) {
            return;
        }
        double hiss = peak * Math.pow(10, -(45 + random.nextDouble() * 25) / 20);
        Random noise = new Random(random.nextLong());
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (hiss * noise.nextGaussian());
        }
        float gain = (float) ((0.4 + 0.5 * random.nextDouble()) / peak(x));
        for (int i = 0; i < x.length; i++) {
            x[i] *= gain;
        }
    }

    /** First-order low-pass (or high-pass) filter at {@code cutoff} Hz, in place. */
    private static void onePole(float[] x, double cutoff, boolean lowPass) {
        double a = Math.exp(-2 * Math.PI * cutoff / SAMPLE_RATE);
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y = (1 - a) * x[i] + a * y;
            x[i] = lowPass ? (float) y : (float) (x[i] - y);
        }
    }

    private static float peak(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
