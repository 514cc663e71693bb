package org.songspace.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioLoader;

/** Decodes every track of a dataset in parallel to measure durations and find unreadable files. */
public final class DatasetCheck {
    private DatasetCheck() {
    }

    /** Total duration of the readable tracks and the unreadable ones with reasons. */
    public record Result(int readable, double totalSeconds, double minSeconds, double maxSeconds, List<Problem> problems) {
    }

    /** A track that could not be decoded. */
    public record Problem(Track track, String reason) {
    }

    public static Result run(Dataset dataset, int threads, Runnable onTrack) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Track t : dataset.tracks()) {
                futures.add(pool.submit(() -> {
                    try {
                        AudioClip clip = AudioLoader.decode(t.path());
                        return clip.durationSeconds();
                    } catch (IOException | RuntimeException e) {
                        return new Problem(t, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    } finally {
                        onTrack.run();
                    }
                }));
            }
            double total = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            int readable = 0;
            List<Problem> problems = new ArrayList<>();
            for (Future<Object> f : futures) {
                Object r = f.get();
                if (r instanceof Problem p) {
                    problems.add(p);
                } else {
                    double seconds = (Double) r;
                    total += seconds;
                    min = Math.min(min, seconds);
                    max = Math.max(max, seconds);
                    readable++;
                }
            }
            return new Result(readable, total, readable == 0 ? 0 : min, max, problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
