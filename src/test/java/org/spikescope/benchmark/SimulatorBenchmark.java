package org.spikescope.benchmark;

import org.spikescope.io.OutputTarget;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.FileTrees;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Simulator throughput and memory: writes 512×512 16-bit TIFF recordings of growing length and reports frames/s
 * and the largest heap use sampled every 20 ms (garbage included, so an upper bound). Run it with a small
 * -Xmx to show that memory does not grow with the number of frames:
 * java -Xmx160m -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.SimulatorBenchmark 300 3000
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] lengths = args.length == 0 ? new int[]{500, 2000} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("spikescope-bench");
        System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        try {
            for (int frames : lengths) {
                SimulationSettings s = SimulationSettings.builder().frames(frames).width(512).height(512).cells(200)
                        .motion("piecewise").build();
                HeapSampler sampler = new HeapSampler();
                long start = System.nanoTime();
                RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("rec" + frames)), ProgressListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = sampler.stop();
                System.out.printf("%6d frames 512x512, 200 cells, piecewise motion: %.1f s, %.1f frames/s, "
                        + "peak heap %d MB, file %d MB%n", frames, seconds, frames / seconds, peak,
                        Files.size(dir.resolve("rec" + frames).resolve("movie.tif")) >> 20);
                FileTrees.deleteRecursively(dir.resolve("rec" + frames));
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    /** Samples the used heap every 20 ms until stopped; returns the largest value in MB. */
    private static final class HeapSampler {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            System.gc();
            thread = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get() >> 20;
        }
    }
}
