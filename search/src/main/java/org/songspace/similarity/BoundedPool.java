package org.songspace.similarity;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * At most {@code size} jobs at once, each with a resource of its own (an Embedder is not thread-safe, so
 * concurrent uploads each need one). Resources are opened on first need, so a server that never embeds
 * loads no model, and all of them are closed with the pool.
 */
final class BoundedPool<T extends AutoCloseable> implements AutoCloseable {
    /** Opens one resource. */
    @FunctionalInterface
    interface Factory<T> {
        T open() throws IOException;
    }

    /** Work done with a resource. */
    @FunctionalInterface
    interface Job<T, R> {
        R run(T resource) throws IOException;
    }

    private final Factory<T> factory;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final List<T> opened = new ArrayList<>();
    private boolean closed;

    BoundedPool(Factory<T> factory, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 resource, got " + size);
        }
        this.factory = factory;
        this.permits = new Semaphore(size, true);
    }

    <R> R with(Job<T, R> job) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free embedder");
        }
        try {
            T resource = idle.poll();
            if (resource == null) {
                resource = open();
            }
            try {
                return job.run(resource);
            } finally {
                idle.offer(resource);
            }
        } finally {
            permits.release();
        }
    }

    private synchronized T open() throws IOException {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        T resource = factory.open();
        opened.add(resource);
        return resource;
    }

    /** Resources opened so far (at most the pool's size). */
    synchronized int opened() {
        return opened.size();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        IOException first = null;
        for (T resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException("closing " + resource + " failed", e);
                }
            }
        }
        opened.clear();
        idle.clear();
        if (first != null) {
            throw first;
        }
    }
}
