package org.spikescope.fiji;

import org.spikescope.testing.HeadlessRuns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.TraceTables;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.testing.Sims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Deconvolve Spikes" from the headless launcher, with cells that cannot be deconvolved among good ones. */
class DeconvolveSpikesCommandTest {

    @Test
    void writesSpikesCalciumAndParametersAndReportsBadCells(@TempDir Path dir) throws Exception {
        GroundTruth truth = new MovieSimulator(Sims.small().frames(3000).cells(3).spikeRate(0.8).build(), List.of())
                .groundTruth();
        int n = truth.trueTimes().length;
        Random noise = new Random(8);
        double[][] values = new double[6][n];
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < n; t++) {
                values[c][t] = 0.3 * truth.calcium()[c][t] + 0.05 * noise.nextGaussian() + 0.0001 * t;
            }
        }
        for (int t = 0; t < n; t++) {
            values[3][t] = 0.5;                                        // flat
            values[4][t] = Double.NaN;                                 // empty
            values[5][t] = t >= 1000 && t < 1040 ? Double.NaN : values[0][t]; // a gap in a good trace
        }
        Path input = dir.resolve("my traces.csv");
        TraceTables.write(new TraceSet("time_s", truth.trueTimes(), List.of("cell_001", "cell_002", "cell_003",
                "cell_004", "cell_005", "cell_006"), values), input);
        Path output = dir.resolve("spikes.csv");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Deconvolve Spikes",
                "input='" + input + "',output='" + output + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("failedCells = 2"), run.out());
        assertTrue(run.out().contains("cell_004: the trace is flat"), run.out());
        assertTrue(run.out().contains("cell_005: the trace holds no numbers"), run.out());

        CsvTable spikes = CsvTable.read(output);
        assertEquals(List.of("time_s", "cell_001", "cell_002", "cell_003", "cell_004", "cell_005", "cell_006"),
                spikes.header());
        assertEquals(n, spikes.rows());
        assertTrue(Files.exists(dir.resolve("spikes_calcium.csv")));
        List<String> parameters = Files.readAllLines(dir.resolve("spikes_parameters.csv"));
        assertEquals("cell,status,baseline,sigma,g1,g2,decay_s,lambda,s_min,lag_frames,snr,spike_sum",
                parameters.get(0));
        assertTrue(parameters.get(1).startsWith("cell_001,ok,"), parameters.get(1));
        for (int c = 0; c < 3; c++) {
            double[] trueSpikes = new double[n];
            for (int t = 0; t < n; t++) {
                trueSpikes[t] = truth.spikes()[c][t];
            }
            double r = org.spikescope.testing.Stats.pearson(binned(spikes.column("cell_00" + (c + 1))),
                    binned(trueSpikes));
            assertTrue(r > 0.8, "cell " + c + ": r = " + r);
        }
        double[] bridged = spikes.column("cell_006");
        assertTrue(!Double.isNaN(bridged[1020]), "the NaN gap is bridged");
    }

    @Test
    void frameColumnNeedsAFrameRate(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("t.csv");
        Files.writeString(input, "frame,cell_001\n0,1\n1,2\n");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--run", "Deconvolve Spikes",
                "input='" + input + "',output='" + dir.resolve("s.csv") + "'");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("the first column is 'frame', not time_s: give the frame rate"), run.err());
    }

    private static double[] binned(double[] perFrame) {
        double[] out = new double[perFrame.length / 4];
        for (int i = 0; i < out.length * 4; i++) {
            out[i / 4] += Double.isNaN(perFrame[i]) ? 0 : perFrame[i];
        }
        return out;
    }
}
