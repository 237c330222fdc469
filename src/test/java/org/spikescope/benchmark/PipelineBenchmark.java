package org.spikescope.benchmark;

import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.FileTrees;
import org.spikescope.io.FootprintFiles;
import org.spikescope.io.OutputTarget;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.pipeline.PipelineResult;
import org.spikescope.pipeline.PipelineSettings;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.FootprintMatching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The whole pipeline at a session's scale (issue 20): a simulated 512×512 one-photon session of N frames with 300
 * cells and rigid motion, written as a 16-bit TIFF and run through "Run SpikeScope Pipeline" as a user's recording
 * would be (reading, the corrupted-frame check, motion correction, detection, traces, spikes, writing the bundle).
 * Per length: the time of each stage, frames per second, the heap pools' peak (garbage included), the largest live
 * heap between stages, the process's peak resident memory (VmHWM, reset before the run), and the cells found
 * against the truth (F1, IoU ≥ 0.5, up to the corrected movie's whole-pixel offset). Run it under the heap the issue
 * allows, e.g. {@code -Xmx4g}; the simulated movie and the bundle go to {@code -Dbench.dir} (default the system's
 * temporary folder: about 0.5 MB per frame each); {@code -Dbench.recordings=/folder_%d} reuses a recording these
 * settings simulated there before (%d = frames), as {@code RecordingSimulator} wrote it.
 * java -Xmx4g -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.PipelineBenchmark 3000 10000 28000
 */
public final class PipelineBenchmark {

    private static final int SIZE = 512;
    private static final int CELLS = 300;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        String[] lengths = args.length > 0 ? args : new String[]{"3000", "10000", "28000"};
        Path parent = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        for (String n : lengths) {
            SimulationSettings s = SimulationSettings.builder().width(SIZE).height(SIZE).cells(CELLS)
                    .frames(Integer.parseInt(n)).cellRadius(6).motion("rigid").seed(3).build();
            Path dir = Files.createTempDirectory(parent, "spikescope-pipeline-bench");
            try {
                run(s, dir);
            } finally {
                FileTrees.deleteRecursively(dir);
            }
        }
    }

    private static void run(SimulationSettings s, Path dir) throws Exception {
        // -Dbench.recordings=/some/folder_%d reuses a recording these settings simulated there before (%d = frames)
        String kept = System.getProperty("bench.recordings");
        Path recording = kept == null ? null : Path.of(String.format(Locale.ROOT, kept, s.frames()));
        if (recording == null || !Files.isRegularFile(recording.resolve(RecordingSimulator.TIFF_NAME))) {
            recording = dir.resolve("rec");
            long simulating = System.nanoTime();
            RecordingSimulator.write(s, List.of(), OutputTarget.of(recording), ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "%d frames simulated in %.0f s%n", s.frames(),
                    (System.nanoTime() - simulating) / 1e9);
        } else {
            System.out.printf(Locale.ROOT, "%d frames: the recording in %s%n", s.frames(), recording);
        }
        HeapWatch.resetPeaks();
        resetPeakResident();
        HeapWatch stages = new HeapWatch(true);
        long start = System.nanoTime();
        PipelineResult result;
        try (FrameSource movie = TiffStackReader.open(recording.resolve(RecordingSimulator.TIFF_NAME),
                s.frameRate())) {
            result = Pipeline.run(movie, PipelineSettings.defaults(), OutputTarget.of(dir.resolve("out")), stages);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Footprint> truth = new MovieSimulator(s, List.of()).groundTruth().footprints();
        List<Footprint> found = FootprintFiles.read(result.bundle().resolve("RoiSet.zip"), s.width(), s.height());
        int reach = (int) Math.ceil(s.maxShift());
        int matched = FootprintMatching.matchUpToOffset(truth, found, s.width(), s.height(), reach).size();
        System.out.printf(Locale.ROOT, "%dx%d, %d frames, %d cells: found %d, matched %d, F1 %.3f; %.0f s in all "
                        + "(%.1f frames/s; %s); heap pools' peak %d MB (garbage included), largest live heap between "
                        + "stages %d MB, peak resident %s%n", s.width(), s.height(), s.frames(), truth.size(),
                found.size(), matched, 2.0 * matched / (truth.size() + found.size()), seconds, s.frames() / seconds,
                result.timings(), HeapWatch.heapPoolsPeak() >> 20, stages.liveMax() >> 20, peakResident());
    }

    /** Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM). */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            System.out.println("(peak resident memory not reset: " + e.getMessage() + ")");
        }
    }

    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
