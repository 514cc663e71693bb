package org.songspace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeInTaskOrder() throws IOException {
        List<Parallel.Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(() -> n * n);
        }
        List<Integer> squares = Parallel.run(3, tasks);
        for (int i = 0; i < 20; i++) {
            assertEquals(i * i, squares.get(i));
        }
    }

    @Test
    void aFailureWaitsForRunningTasksAndStartsNoMore() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicBoolean slowFinished = new AtomicBoolean();
        AtomicInteger started = new AtomicInteger();
        List<Parallel.Task<Void>> tasks = new ArrayList<>();
        // The failure comes first in task order, so run() learns of it while the slow task is still writing.
        tasks.add(() -> {
            started.incrementAndGet();
            try {
                slowStarted.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("bad file");
        });
        tasks.add(() -> {
            started.incrementAndGet();
            slowStarted.countDown();
            // A worker still writing its file when another fails: it must finish before run() returns.
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            slowFinished.set(true);
            return null;
        });
        for (int i = 0; i < 50; i++) {
            tasks.add(() -> {
                started.incrementAndGet();
                return null;
            });
        }
        IOException e = assertThrows(IOException.class, () -> Parallel.run(2, tasks));
        assertEquals("bad file", e.getMessage());
        assertTrue(slowFinished.get(), "the running task finished before the failure was reported");
        int startedAtReturn = started.get();
        Thread.sleep(100);
        assertEquals(startedAtReturn, started.get(), "nothing starts after run() has thrown");
        assertTrue(startedAtReturn < tasks.size(), "queued tasks were cancelled: " + startedAtReturn);
    }
}
