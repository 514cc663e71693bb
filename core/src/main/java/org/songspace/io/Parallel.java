package org.songspace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent per-file tasks on a fixed pool of daemon threads and returns their results in task
 * order. The first task that throws stops the run: its IOException (or unchecked exception) is rethrown
 * as is, so callers see the real cause rather than an ExecutionException.
 */
public final class Parallel {
    private Parallel() {
    }

    /** One unit of work that may fail with an IOException. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws IOException;
    }

    public static <T> List<T> run(int threads, List<? extends Task<T>> tasks) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))), r -> {
            Thread t = new Thread(r, "songspace-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T> task : tasks) {
                Callable<T> callable = task::run;
                futures.add(pool.submit(callable));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
