package org.songspace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent per-file tasks on a fixed pool of daemon threads and returns their results in task
 * order. The first task that throws stops the run: tasks not yet started are cancelled, the ones running
 * are waited for (they may be writing files the caller is about to report on or clean up), and then its
 * IOException (or unchecked exception) is rethrown as is, so callers see the real cause rather than an
 * ExecutionException. Nothing this pool ran is still running when {@code run} returns or throws.
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
        List<Future<T>> futures = new ArrayList<>();
        // The first failure, whichever task it came from: later tasks see it and do not start.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (Task<T> task : tasks) {
                Callable<T> callable = () -> {
                    if (failure.get() != null) {
                        throw new CancellationException("an earlier task failed");
                    }
                    try {
                        return task.run();
                    } catch (IOException | RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                };
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
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = failure.get() != null ? failure.get() : e.getCause();
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
            stop(pool, futures);
        }
    }

    /** Cancels what has not started, lets running tasks finish (not interrupted: they may be mid-write), waits. */
    private static void stop(ExecutorService pool, List<? extends Future<?>> futures) {
        futures.forEach(f -> f.cancel(false));
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
