package org.songspace.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioFiles;
import org.songspace.audio.AudioLoader;
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

    /** What a run did. {@code failed} lists the files skipped, with reasons. */
    public record Result(FeatureManifest manifest, int computed, int cached, List<FeatureManifest.Failure> failed) {
        public boolean allSucceeded() {
            return failed.isEmpty();
        }
    }

    private final LogMelExtractor extractor;
    private final int threads;
    private final Listener listener;

    private FeatureJob(FeatureConfig config, int threads, Listener listener) {
        this.extractor = new LogMelExtractor(config);
        this.threads = threads;
        this.listener = listener;
    }

    /**
     * A job for {@code config} on {@code threads} worker threads (0 = one per core).
     */
    public static FeatureJob create(FeatureConfig config, int threads, Listener listener) {
        if (threads < 0) {
            throw new UserError("threads must be >= 0: " + threads);
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return new FeatureJob(config, n, listener == null ? new Listener() { } : listener);
    }

    /** An audio file and the track id its features are stored under. */
    public record Source(String id, Path path) {
    }

    /** Featurises a file or every audio file under a folder; ids come from {@link TrackIds}. */
    public Result run(Path input, Path outDir) throws IOException {
        List<AudioFiles.Found> found = AudioFiles.scan(input);
        List<String> ids = TrackIds.assign(found);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            sources.add(new Source(ids.get(i), found.get(i).path()));
        }
        return run(sources, outDir);
    }

    /** Featurises the given tracks into {@code outDir}. */
    public Result run(List<Source> inputs, Path outDir) throws IOException {
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
                done.set(i, old);
            } else {
                todo.add(i);
            }
        }
        int cached = n - todo.size();
        listener.started(n, cached);

        Saver saver = new Saver(manifestPath, done, failures);
        List<Parallel.Task<Void>> tasks = new ArrayList<>();
        for (int i : todo) {
            tasks.add(() -> {
                Path source = inputs.get(i).path();
                try {
                    done.set(i, compute(source, inputs.get(i).id(), outDir));
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
        return new Result(manifest, todo.size() - manifest.failed().size(), cached, manifest.failed());
    }

    private FeatureManifest.Track compute(Path source, String id, Path outDir) throws IOException {
        long bytes = Files.size(source);
        long modified = Files.getLastModifiedTime(source).toMillis();
        AudioClip clip = AudioLoader.decode(source);
        MelSpectrogram db = extractor.logMel(clip);
        String npy = id + ".npy";
        Npy.write(outDir.resolve(npy), db.values(), db.nMels(), db.frames());
        return new FeatureManifest.Track(id, source.toAbsolutePath().normalize().toString(), npy, bytes, modified, db.frames(),
                clip.samples().length / (double) clip.sampleRate(), clip.sourceRate(), clip.sourceChannels());
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

    /** Tracks of an earlier run with the same config; a different config reuses nothing. */
    private Map<String, FeatureManifest.Track> reusableTracks(Path manifestPath) {
        Map<String, FeatureManifest.Track> byId = new HashMap<>();
        if (!Files.isRegularFile(manifestPath)) {
            return byId;
        }
        try {
            FeatureManifest old = Json.read(manifestPath, FeatureManifest.class);
            if (extractor.config().equals(old.config()) && old.tracks() != null) {
                old.tracks().forEach(t -> byId.put(t.id(), t));
            }
        } catch (IOException e) {
            // An unreadable manifest only costs recomputation.
        }
        return byId;
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
        private long lastSave = System.nanoTime();

        Saver(Path path, AtomicReferenceArray<FeatureManifest.Track> done,
              AtomicReferenceArray<FeatureManifest.Failure> failures) {
            this.path = path;
            this.done = done;
            this.failures = failures;
        }

        synchronized void maybeSave() throws IOException {
            if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
                save();
            }
        }

        synchronized FeatureManifest save() throws IOException {
            List<FeatureManifest.Track> tracks = new ArrayList<>();
            List<FeatureManifest.Failure> failed = new ArrayList<>();
            for (int i = 0; i < done.length(); i++) {
                if (done.get(i) != null) {
                    tracks.add(done.get(i));
                }
                if (failures.get(i) != null) {
                    failed.add(failures.get(i));
                }
            }
            FeatureManifest manifest = new FeatureManifest(FeatureManifest.FORMAT, extractor.config(), tracks, failed);
            Json.write(path, manifest);
            lastSave = System.nanoTime();
            return manifest;
        }
    }

}
