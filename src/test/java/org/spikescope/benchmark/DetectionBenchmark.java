package org.spikescope.benchmark;

import org.spikescope.io.OutputTarget;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.detect.DetectionRun;
import org.spikescope.detect.DetectionScore;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.io.FileTrees;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.sim.FootprintFactory;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Neuron detection on larger simulated movies, read from uncompressed TIFFs as a user's would be.
 * <ul>
 *   <li>{@code accuracy [frames]}: 256×256 px, 50 cells, across densities, SNRs and background strengths, and with
 *   real footprints: F1, median footprint and trace correlation, time.</li>
 *   <li>{@code scale frames…}: 512×512 px, 200 cells: time per frame and heap (the heap pools' peak, garbage
 *   included, and the live heap after a collection at every stage), to show that memory does not grow with the
 *   movie's length. Run it under a heap limit (e.g. -Xmx512m): finishing is the proof.</li>
 * </ul>
 * java -Xmx512m -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.DetectionBenchmark scale 2000 8000
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        if (args.length > 0 && args[0].equals("scale")) {
            for (int i = 1; i < args.length; i++) {
                run("512x512, 200 cells", SimulationSettings.builder().width(512).height(512).cells(200)
                        .frames(Integer.parseInt(args[i])).cellRadius(6).motion("none").seed(3).build(), List.of(), 6);
            }
            return;
        }
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        SimulationSettings.Builder base = SimulationSettings.builder().width(256).height(256).cells(50).frames(frames)
                .cellRadius(6).motion("none").seed(11);
        run("default (background 800 e-, spikes 120 e-)", base.build(), List.of(), 6);
        run("dense (90 cells)", base.cells(90).build(), List.of(), 6);
        run("low SNR (spikes 60 e-)", base.cells(50).spikeAmplitude(60).build(), List.of(), 6);
        run("strong background (1,600 e-)", base.spikeAmplitude(120).background(1600).build(), List.of(), 6);
        run("strong, fast-changing background (2,000 e-, 30 %)", base.background(2000).backgroundFluctuation(0.3)
                .build(), List.of(), 6);
        Path real = Path.of("../shared/data/placecell/regression_2d/footprints_A_sparse.csv");
        if (Files.exists(real)) {
            run("real minian footprints (40 cells)", base.background(800).backgroundFluctuation(0.15).cells(40)
                    .build(), FootprintFactory.readSparseCsv(real), 4);
        }
    }

    private static void run(String name, SimulationSettings s, List<Footprint> templates, double cellRadius)
            throws Exception {
        Path dir = Files.createTempDirectory("spikescope-detect-bench");
        try {
            RecordingSimulator.write(s, templates, OutputTarget.of(dir.resolve("rec")), ProgressListener.NONE);
            HeapWatch.resetPeaks();
            HeapWatch stages = new HeapWatch(false);
            long start = System.nanoTime();
            DetectionRun run;
            try (FrameSource movie = TiffStackReader.open(dir.resolve("rec").resolve(RecordingSimulator.TIFF_NAME),
                    s.frameRate())) {
                run = DetectionRun.toFolder(movie, DetectionSettings.defaults().withCellRadius(cellRadius), true,
                        org.spikescope.core.CopiedBorder.NONE,
                        OutputTarget.of(dir.resolve("out")), stages);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            DetectionScore score = DetectionScore.of(run.result(), new MovieSimulator(s, templates).groundTruth(),
                    s.width(), s.height());
            System.out.printf(Locale.ROOT, "%s, %dx%d, %d frames: %s; %.1f s (%.2f ms/frame), heap pools' peak %d MB "
                            + "(garbage included), largest live heap between passes %d MB%n", name, s.width(),
                    s.height(), s.frames(), score, seconds, 1000 * seconds / s.frames(), HeapWatch.heapPoolsPeak() >> 20,
                    stages.liveMax() >> 20);
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }
}
