package org.spikescope.motion;

import org.spikescope.core.FrameSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes blocks of corrected frames on its own thread, one block at a time, so that encoding and writing overlap
 * the correction of the next block; {@link #write} first waits for the block before, whose buffer the caller is
 * about to reuse.
 */
final class BlockWriter implements AutoCloseable {

    private final FrameSink sink;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spikescope-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending;

    BlockWriter(FrameSink sink) {
        this.sink = sink;
    }

    /** Queues the first {@code count} frames of {@code block}, after the previous block is written. */
    void write(float[][] block, int count) throws IOException {
        finish();
        pending = thread.submit(() -> {
            for (int k = 0; k < count; k++) {
                try {
                    sink.write(block[k]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** Waits until everything queued is written; a write's failure is rethrown here. */
    void finish() throws IOException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing corrected frames", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("writing corrected frames failed: " + e.getCause(), e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Stops the thread; a block still queued (after a failure or cancellation elsewhere) is abandoned. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
