package org.spikescope.benchmark;

import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.spikes.GroundTruthBench;
import org.spikescope.spikes.SpikeDeconvolver;

import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Deconvolution speed and quality per mode, one thread (as the peer), on every ground-truth recording and on
 * simulated cells, then the published OASIS on the same traces in the same run (src/test/python/oasis_peer.py,
 * when -Doasis.dir names a built copy of it, kept outside this project).
 * Run: java -Doasis.dir=/tmp/oasis -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.benchmark.SpikeDeconvolutionBenchmark [cells frames]
 */
public final class SpikeDeconvolutionBenchmark {

    private static final String[][] MODES = {{"auto", "L1"}, {"AR1", "L1"}, {"AR1", "L0"}, {"AR2", "L1"},
            {"AR2", "L0"}};

    private SpikeDeconvolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        Path out = Files.createTempFile("spikescope-simulated-traces", ".f32");
        System.out.printf("machine: %d cores, %s %s; one thread%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path gt = Path.of("../shared/data/groundtruth");
        for (String[] mode : MODES) {
            GroundTruthBench.run(gt, settings(mode)); // warm-up of every mode before any timing
        }
        for (String[] mode : MODES) {
            System.out.println(GroundTruthBench.run(gt, settings(mode)));
        }
        double[][] traces = simulated(cells, frames, 30);
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            for (double[] trace : traces) {
                for (double v : trace) {
                    o.writeFloat((float) v);
                }
            }
        }
        for (String[] mode : MODES) {
            DeconvolutionSettings s = settings(mode);
            long start = System.nanoTime();
            for (int c = 0; c < cells; c++) {
                CellResult r = SpikeDeconvolver.deconvolve("c", traces[c], 30, s);
                if (!r.ok()) {
                    throw new IllegalStateException(r.error());
                }
            }
            double us = (System.nanoTime() - start) / 1e3 / ((double) cells * frames);
            System.out.printf("SpikeScope %s %s simulated %d x %d: %.3f us/sample%n", mode[0], mode[1], cells,
                    frames, us);
        }
        String oasis = System.getProperty("oasis.dir");
        if (oasis != null) {
            Process peer = new ProcessBuilder("/usr/bin/python3", "src/test/python/oasis_peer.py", oasis,
                    gt.toString(), out.toString(), Integer.toString(cells), Integer.toString(frames), "30")
                    .redirectErrorStream(true).start();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(peer.getInputStream()))) {
                lines.lines().filter(l -> l.startsWith("OASIS")).forEach(System.out::println);
            }
            peer.waitFor();
        }
        Files.delete(out);
    }

    private static DeconvolutionSettings settings(String[] mode) {
        return DeconvolutionSettings.defaults().withModel(mode[0], mode[1]);
    }

    /** AR(2) calcium (rise 50 ms, decay 0.3–1.5 s) from Poisson spikes at 0.5–2 Hz, noise σ 0.3 of a spike. */
    static double[][] simulated(int cells, int frames, double frameRate) {
        Random rnd = new Random(11);
        double[][] traces = new double[cells][frames];
        for (int c = 0; c < cells; c++) {
            double decay = 0.3 + 1.2 * rnd.nextDouble();
            double d = Math.exp(-1 / (decay * frameRate));
            double r = Math.exp(-1 / (0.05 * frameRate));
            double rate = (0.5 + 1.5 * rnd.nextDouble()) / frameRate;
            double c1 = 0;
            double c2 = 0;
            for (int t = 0; t < frames; t++) {
                double spike = rnd.nextDouble() < rate ? 1 : 0;
                double v = (d + r) * c1 - d * r * c2 + spike;
                c2 = c1;
                c1 = v;
                traces[c][t] = 0.4 * v + 0.3 * 0.4 * rnd.nextGaussian() + 0.1;
            }
        }
        return traces;
    }
}
