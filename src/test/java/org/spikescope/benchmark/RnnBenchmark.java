package org.spikescope.benchmark;

import org.nd4j.linalg.dataset.DataSet;
import org.spikescope.core.Workers;
import org.spikescope.rates.rnn.RnnNetwork;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ms per training step of BlechRNN's default model (12 inputs, hidden 8, 2 tanh layers, 90 trials × 120 bins, full
 * batch, Adam) in SpikeScope's DL4J network against PyTorch on the same model, shapes and data
 * (src/test/python/rnn_peer.py, Debian's python3-torch), in the same run. Also checks that both follow the same loss
 * trajectory from the same initial weights without dropout (float64).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.spikescope.benchmark.RnnBenchmark}
 */
public final class RnnBenchmark {

    private static final int SEQUENCES = 90;
    private static final int STEPS = 120;
    private static final int INPUTS = 12;
    private static final int HIDDEN = 8;
    private static final int OUTPUTS = 10;

    public static void main(String[] args) throws Exception {
        int trainSteps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[SEQUENCES * STEPS * INPUTS];
        double[] y = new double[SEQUENCES * STEPS * OUTPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i * 0.01) + 0.5 * rng.nextGaussian();
        }
        System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        // same loss trajectory: dropout off, same initial weights, float64 on both sides
        RnnNetwork match = RnnNetwork.create(INPUTS, HIDDEN, OUTPUTS, 0, 1e-3, STEPS, 7);
        Path file = Files.createTempFile("rnn-batch", ".bin");
        write(file, x, y, match.parameters());
        DataSet batch = match.batch(x, y);
        StringBuilder trajectory = new StringBuilder("spikescope");
        for (int step = 1; step <= 100; step++) {
            double loss = match.step(batch);
            if (step == 1 || step == 10 || step == 100) {
                trajectory.append(String.format(" loss%d=%.6f", step, loss));
            }
        }
        System.out.println(trajectory);
        System.out.println(peer(file, 1, 100, 0, "float64"));

        // speed: default dropout 0.2; DL4J in double, PyTorch in float32 (BlechRNN's) and float64. The machine's
        // speed drifts (a shared VM), so the runs alternate, three rounds, and the medians are reported.
        write(file, x, y, new double[0]);
        for (int threads : new int[] {1, 2}) {
            List<Double> ours = new ArrayList<>();
            List<Double> predict = new ArrayList<>();
            List<Double> torch32 = new ArrayList<>();
            List<Double> torch64 = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                double[] t = spikescope(x, y, threads, trainSteps);
                ours.add(t[0]);
                predict.add(t[1]);
                torch32.add(trainMs(peer(file, threads, trainSteps + 20, 0.2, "float32")));
                torch64.add(trainMs(peer(file, threads, trainSteps + 20, 0.2, "float64")));
            }
            System.out.printf("threads=%d ms per training step, median of 3: SpikeScope %.2f, PyTorch float32 %.2f, "
                            + "PyTorch float64 %.2f; ratios PyTorch/SpikeScope %.2f and %.2f; SpikeScope prediction "
                            + "%.2f ms%n", threads, median(ours), median(torch32), median(torch64),
                    median(torch32) / median(ours), median(torch64) / median(ours), median(predict));
        }
        Files.deleteIfExists(file);
    }

    /** ms per training step and per prediction. */
    private static double[] spikescope(double[] x, double[] y, int threads, int trainSteps) {
        RnnNetwork net = RnnNetwork.create(INPUTS, HIDDEN, OUTPUTS, 0.2, 1e-3, STEPS, 1);
        try (Workers workers = threads > 1 ? new Workers() : null) {
            net.useWorkers(workers);
            DataSet data = net.batch(x, y);
            for (int i = 0; i < 20; i++) {
                net.step(data);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < trainSteps; i++) {
                net.step(data);
            }
            double train = (System.nanoTime() - t0) / 1e6 / trainSteps;
            long t1 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                net.predict(x);
            }
            return new double[] {train, (System.nanoTime() - t1) / 1e6 / 50};
        }
    }

    private static double trainMs(String peerLine) {
        for (String part : peerLine.split(" ")) {
            if (part.startsWith("train_ms=")) {
                return Double.parseDouble(part.substring(9));
            }
        }
        throw new IllegalStateException(peerLine);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path file, double[] x, double[] y, double[] params) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * (x.length + y.length + params.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] a : new double[][] {x, y, params}) {
            for (double v : a) {
                b.putDouble(v);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(b.array());
        }
    }

    private static String peer(Path file, int threads, int steps, double dropout, String dtype) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/rnn_peer.py", file.toString(),
                "" + SEQUENCES, "" + STEPS, "" + INPUTS, "" + HIDDEN, "" + OUTPUTS, "" + threads, "" + steps,
                "" + dropout, dtype).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return p.waitFor() == 0 ? out + " dtype=" + dtype : "peer failed (python3-torch installed?): " + out;
    }
}
