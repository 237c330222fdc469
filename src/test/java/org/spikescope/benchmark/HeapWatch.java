package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Memory as the benchmarks report it: the heap pools' peak since {@link #resetPeaks()} (garbage included), and the
 * largest live heap between stages (garbage collected at every stage the run reports), optionally printing each stage
 * with the time since the watch began.
 */
final class HeapWatch implements ProgressListener {

    private final boolean printStages;
    private final long start = System.nanoTime();
    private long live;

    HeapWatch(boolean printStages) {
        this.printStages = printStages;
    }

    /** Collects garbage and starts the heap pools' peaks afresh. */
    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since {@link #resetPeaks()}, bytes. */
    static long heapPoolsPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The largest live heap seen between stages, bytes. */
    long liveMax() {
        return live;
    }

    @Override
    public void stage(String stage) {
        // the live heap between passes: what the run keeps, garbage collected first
        System.gc();
        Runtime rt = Runtime.getRuntime();
        live = Math.max(live, rt.totalMemory() - rt.freeMemory());
        if (printStages) {
            System.out.printf(Locale.ROOT, "  %7.1f s  %s%n", (System.nanoTime() - start) / 1e9, stage);
        }
    }

    @Override
    public void progress(long done, long total) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
