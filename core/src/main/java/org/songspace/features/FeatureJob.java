package org.songspace.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.songspace.audio.AudioFiles;
import org.songspace.audio.Excerpt;
import org.songspace.audio.ScanReport;
import org.songspace.audio.TagReader;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.io.Parallel;
import org.songspace.io.UserError;

/**
 * Turns a file or folder of audio into a features folder: one {@code <id>.npy} ([n_mels, frames]
 * float32 dB) per track plus {@code features.json}. Files run in parallel; tracks already done with the
 * same config are reused; a bad file is recorded with its reason and the run goes on; the manifest is
 * saved every few seconds, so a killed run loses at most that much bookkeeping.
 */
public final class FeatureJob {
    private static final long SAVE_INTERVAL_NANOS = 3_000_000_000L;

    /** Progress callbacks; called from worker threads. */
    public interface Listener {
        default void started(int total, int cached) {
        }

        /** One file finished; {@code error} is null on success. */
        default void finished(Path source, String error) {
        }
    }

    /**
     * What a run did. {@code failed} lists the files skipped, with reasons (unreadable audio, and what a
     * folder scan left out); {@code notAudio} counts plain non-audio files; {@code stages} is where the
     * computed tracks' time went (summed over threads).
     */
    public record Result(FeatureManifest manifest, int computed, int cached, List<FeatureManifest.Failure> failed,
                         int notAudio, StageClock stages, List<FeatureManifest.Failure> damaged) {
        public boolean allSucceeded() {
            return failed.isEmpty();
        }

        /** "12 analysed (1 damaged), 3 cached, 1 failed, 4 not audio". */
        public String summary() {
            return computed + " analysed" + (damaged.isEmpty() ? "" : " (" + damaged.size() + " damaged)") + ", " + cached
                    + " cached, " + failed.size() + " failed, " + notAudio + " not audio";
        }
    }

    private final TrackAnalyser analyser;
    private final int threads;
    private final Listener listener;
    private final Excerpt excerpt;

    private FeatureJob(FeatureConfig config, int threads, Listener listener, Excerpt excerpt) {
        this.analyser = new TrackAnalyser(config, excerpt);
        this.threads = threads;
        this.listener = listener;
        this.excerpt = excerpt;
    }

    /** The same job analysing {@code part} of each track instead of the whole. */
    public FeatureJob withExcerpt(Excerpt part) {
        return new FeatureJob(analyser.config(), threads, listener, part);
    }

    /**
     * A job for {@code config} on {@code threads} worker threads (0 = one per core).
     */
    public static FeatureJob create(FeatureConfig config, int threads, Listener listener) {
        if (threads < 0) {
            throw new UserError("threads must be >= 0: " + threads);
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return new FeatureJob(config, n, listener == null ? new Listener() { } : listener, Excerpt.WHOLE);
    }

    /** An audio file and the track id its features are stored under. */
    public record Source(String id, Path path) {
    }

    /** Featurises a file or every audio file under a folder; ids come from {@link TrackIds}. */
    public Result run(Path input, Path outDir) throws IOException {
        AudioFiles.Scan scan = AudioFiles.survey(input);
        List<String> ids = TrackIds.assign(scan.found());
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < scan.found().size(); i++) {
            sources.add(new Source(ids.get(i), scan.found().get(i).path()));
        }
        return run(sources, outDir, scan.report());
    }

    /** Featurises the given tracks into {@code outDir}. */
    public Result run(List<Source> inputs, Path outDir) throws IOException {
        return run(inputs, outDir, ScanReport.NONE);
    }

    /** Featurises the given tracks; {@code unread} (what a folder scan left out) is reported with the failures. */
    public Result run(List<Source> inputs, Path outDir, ScanReport unread) throws IOException {
        if (inputs.isEmpty()) {
            throw new UserError("no tracks to featurise");
        }
        prepareOutput(outDir);
        Path manifestPath = outDir.resolve(FeatureManifest.FILE_NAME);
        Map<String, FeatureManifest.Track> previous = reusableTracks(manifestPath);

        int n = inputs.size();
        AtomicReferenceArray<FeatureManifest.Track> done = new AtomicReferenceArray<>(n);
        AtomicReferenceArray<FeatureManifest.Failure> failures = new AtomicReferenceArray<>(n);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path source = inputs.get(i).path();
            FeatureManifest.Track old = previous.get(inputs.get(i).id());
            if (old != null && isCurrent(old, source, outDir)) {
                // Features made before tags were read keep their .npy and gain the tags.
                done.set(i, old.tags() != null ? old : old.withTags(TagReader.read(source)));
            } else {
                todo.add(i);
            }
        }
        int cached = n - todo.size();
        listener.started(n, cached);

        List<FeatureManifest.Failure> skipped = unread.skipped().stream()
                .map(k -> new FeatureManifest.Failure(k.path().toString(), k.reason())).toList();
        Saver saver = new Saver(manifestPath, done, failures, skipped, unread.notAudio());
        StageClock stages = new StageClock(); // this run's time per stage, summed over its threads
        List<Parallel.Task<Void>> tasks = new ArrayList<>();
        for (int i : todo) {
            tasks.add(() -> {
                Path source = inputs.get(i).path();
                try {
                    done.set(i, compute(source, inputs.get(i).id(), outDir, stages));
                    listener.finished(source, null);
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    String reason = describe(e);
                    failures.set(i, new FeatureManifest.Failure(source.toString(), reason));
                    listener.finished(source, reason);
                }
                saver.maybeSave();
                return null;
            });
        }
        Parallel.run(threads, tasks);
        FeatureManifest manifest = saver.save();
        int failedHere = manifest.failed().size() - skipped.size();
        List<FeatureManifest.Failure> damaged = new ArrayList<>();
        for (int i : todo) {
            FeatureManifest.Track t = done.get(i);
            if (t != null && t.damage() != null) {
                damaged.add(new FeatureManifest.Failure(t.source(), t.damage()));
            }
        }
        return new Result(manifest, todo.size() - failedHere, cached, manifest.failed(), unread.notAudio(), stages, damaged);
    }

    private FeatureManifest.Track compute(Path source, String id, Path outDir, StageClock stages) throws IOException {
        long bytes = Files.size(source);
        long modified = Files.getLastModifiedTime(source).toMillis();
        StageClock clock = new StageClock();
        TrackAnalyser.Analysis a = analyser.analyse(source, clock);
        String npy = id + ".npy";
        // Half precision: half the disk of a large library's cache, at most 0.06 dB off (docs/performance.md).
        Npy.writeHalf(outDir.resolve(npy), a.logMel().values(), a.logMel().nMels(), a.logMel().frames());
        synchronized (stages) {
            stages.addAll(clock);
        }
        return new FeatureManifest.Track(id, source.toAbsolutePath().normalize().toString(), npy, bytes, modified,
                a.logMel().frames(), a.seconds(), a.sourceRate(), a.sourceChannels(), a.tags(), a.damage());
    }

    /** Why a file could not be analysed, in a few words for a person. */
    public static String describeFailure(Throwable e) {
        return describe(e);
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file disappeared while running";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to decode in memory (" + e.getMessage() + ")";
        }
        String message = e instanceof org.songspace.audio.AudioFormatException afe ? afe.reason() : e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void prepareOutput(Path outDir) throws IOException {
        try {
            Files.createDirectories(outDir);
            Path probe = Files.createTempFile(outDir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("cannot write to the output folder " + outDir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /**
     * Tracks of an earlier run with the same config; a different config reuses nothing. With another
     * excerpt, only tracks both excerpts would analyse whole (no longer than either) are reused.
     */
    private Map<String, FeatureManifest.Track> reusableTracks(Path manifestPath) {
        Map<String, FeatureManifest.Track> byId = new HashMap<>();
        if (!Files.isRegularFile(manifestPath)) {
            return byId;
        }
        try {
            FeatureManifest old = Json.read(manifestPath, FeatureManifest.class);
            if (analyser.config().equals(old.config()) && old.tracks() != null) {
                Excerpt before = old.excerptOrWhole();
                for (FeatureManifest.Track t : old.tracks()) {
                    if (excerpt.equals(before) || (coversWhole(before, t) && coversWhole(excerpt, t))) {
                        byId.put(t.id(), t);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable manifest only costs recomputation.
        }
        return byId;
    }

    private static boolean coversWhole(Excerpt e, FeatureManifest.Track t) {
        return e.isWhole() || t.fileDurationSeconds() <= e.seconds();
    }

    private static boolean isCurrent(FeatureManifest.Track old, Path source, Path outDir) {
        try {
            return old.sourceBytes() == Files.size(source)
                    && old.sourceModified() == Files.getLastModifiedTime(source).toMillis()
                    && Files.isRegularFile(outDir.resolve(old.npy()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the manifest from the tracks finished so far, at most every few seconds while running. */
    private final class Saver {
        private final Path path;
        private final AtomicReferenceArray<FeatureManifest.Track> done;
        private final AtomicReferenceArray<FeatureManifest.Failure> failures;
        private final List<FeatureManifest.Failure> skipped;
        private final int notAudio;
        private long lastSave = System.nanoTime();

        Saver(Path path, AtomicReferenceArray<FeatureManifest.Track> done,
              AtomicReferenceArray<FeatureManifest.Failure> failures, List<FeatureManifest.Failure> skipped, int notAudio) {
            this.path = path;
            this.done = done;
            this.failures = failures;
            this.skipped = skipped;
            this.notAudio = notAudio;
        }

        synchronized void maybeSave() throws IOException {
            if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
                save();
            }
        }

        synchronized FeatureManifest save() throws IOException {
            List<FeatureManifest.Track> tracks = new ArrayList<>();
            List<FeatureManifest.Failure> failed = new ArrayList<>(skipped);
            for (int i = 0; i < done.length(); i++) {
                if (done.get(i) != null) {
                    tracks.add(done.get(i));
                }
                if (failures.get(i) != null) {
                    failed.add(failures.get(i));
                }
            }
            FeatureManifest manifest = new FeatureManifest(FeatureManifest.FORMAT, analyser.config(), excerpt, tracks,
                    failed, notAudio);
            Json.write(path, manifest);
            lastSave = System.nanoTime();
            return manifest;
        }
    }

}
