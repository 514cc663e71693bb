package org.songspace.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedPoolTest {
    /** A resource that counts how many are open. */
    static final class Counted implements AutoCloseable {
        static final AtomicInteger OPEN = new AtomicInteger();

        Counted() {
            OPEN.incrementAndGet();
        }

        @Override
        public void close() {
            OPEN.decrementAndGet();
        }
    }

    /** Runs {@code threads} jobs at once and returns the most that were inside the pool together. */
    private static int peakConcurrency(int size, int threads) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        try (BoundedPool<Counted> pool = new BoundedPool<>(Counted::new, size)) {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    allStarted.countDown();
                    try {
                        pool.with(r -> {
                            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            sleep(150);
                            inside.decrementAndGet();
                            return null;
                        });
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                workers.add(t);
                t.start();
            }
            assertTrue(allStarted.await(5, TimeUnit.SECONDS));
            for (Thread t : workers) {
                t.join(10_000);
            }
            assertTrue(pool.opened() <= size, "never more resources than the pool's size: " + pool.opened());
        }
        return peak.get();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void jobsRunConcurrentlyUpToTheBound() throws Exception {
        assertEquals(2, peakConcurrency(2, 6), "two uploads embed at once, not one after the other");
        assertEquals(1, peakConcurrency(1, 4));
        assertEquals(0, Counted.OPEN.get(), "closing the pool closes every resource it opened");
    }
}
