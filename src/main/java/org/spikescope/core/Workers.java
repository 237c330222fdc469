package org.spikescope.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One thread per core for the length of a run. ImgLib2's default task executor reports the common fork-join pool's
 * parallelism, which is one on a two-core machine: half the machine would sit idle.
 */
public final class Workers implements AutoCloseable {

    private final ExecutorService pool;
    private final int count;

    public Workers() {
        this.count = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "spikescope-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int count() {
        return count;
    }

    /** Runs {@code task} for worker indices 0 … count−1 at once and waits; the first failure is rethrown. */
    public void forEach(IntConsumer task) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.accept(index)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
