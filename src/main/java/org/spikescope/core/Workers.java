package org.spikescope.core;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Worker threads for the length of a run, as many as the caller asks through ImgLib2's {@link Parallelization}
 * ({@code Parallelization.runWithNumThreads(n, …)}, {@code runSingleThreaded(…)}), else one per core. (ImgLib2's
 * default task executor reports the common fork-join pool's parallelism, which is one on a two-core machine: half
 * the machine would sit idle, so the default is not taken as a request.)
 */
public final class Workers implements AutoCloseable {

    private final ExecutorService pool;
    private final int count;

    public Workers() {
        this.count = threads();
        this.pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "spikescope-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The thread count for a run started now on this thread (see the class comment). */
    public static int threads() {
        TaskExecutor asked = Parallelization.getTaskExecutor();
        return asked == TaskExecutors.multiThreaded() ? Math.max(1, Runtime.getRuntime().availableProcessors())
                : Math.max(1, asked.getParallelism());
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

    /** A body run on one contiguous block of indices. */
    @FunctionalInterface
    public interface Block {
        void run(int block, int from, int to);
    }

    /** How many blocks {@link #inBlocks} cuts n items into: one per worker, one without workers. */
    public static int blockCount(Workers workers, int n) {
        return workers == null ? 1 : Math.max(1, Math.min(workers.count(), n));
    }

    /** The first item of a block. */
    public static int blockStart(int n, int block, int blocks) {
        return (int) ((long) n * block / blocks);
    }

    /** Runs {@code body} on contiguous blocks of 0 … n−1, one per worker; on the calling thread when workers is null. */
    public static void inBlocks(Workers workers, int n, Block body) {
        int blocks = blockCount(workers, n);
        if (blocks == 1) {
            body.run(0, 0, n);
            return;
        }
        workers.forEach(c -> {
            if (c < blocks) {
                body.run(c, blockStart(n, c, blocks), blockStart(n, c + 1, blocks));
            }
        });
    }
}
