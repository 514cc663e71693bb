package org.songspace.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioFormatException;
import org.songspace.audio.AudioLoader;
import org.songspace.io.Parallel;

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
        List<Parallel.Task<Object>> tasks = new ArrayList<>();
        for (Track t : dataset.tracks()) {
            tasks.add(() -> {
                try {
                    AudioClip clip = AudioLoader.decode(t.path());
                    return clip.durationSeconds();
                } catch (IOException | RuntimeException e) {
                    String reason = e instanceof AudioFormatException afe ? afe.reason() : e.getMessage();
                    return new Problem(t, reason == null ? e.getClass().getSimpleName() : reason);
                } finally {
                    onTrack.run();
                }
            });
        }
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int readable = 0;
        List<Problem> problems = new ArrayList<>();
        for (Object r : Parallel.run(threads, tasks)) {
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
    }
}
