package org.spikescope.pipeline;

import org.spikescope.io.FileTrees;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Time and memory of each pipeline stage, and the run's warnings, for log.txt. */
final class StageLog {

    /** A stage's work. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();

    /** Runs one stage, recording its wall time and the heap pools' peak during it (garbage included). */
    <T> T stage(String name, Work<T> work) throws IOException {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        T result = work.run();
        double s = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        seconds.add(s);
        lines.add(String.format(Locale.ROOT, "stage %-10s %8.1f s   heap peak %6d MB", name, s, peak >> 20));
        return result;
    }

    void note(String line) {
        lines.add(line);
    }

    /** "motion 3.1 s, detection 4.2 s, …" */
    String timings(List<String> names) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < seconds.size() && i < names.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%s %.1f s", names.get(i), seconds.get(i)));
        }
        return String.join(", ", parts);
    }

    void write(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> Files.write(temp, lines));
    }
}
