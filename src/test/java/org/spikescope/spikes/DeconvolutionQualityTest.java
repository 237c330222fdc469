package org.spikescope.spikes;

import org.junit.jupiter.api.Test;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.testing.SharedData;
import org.spikescope.testing.Sims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores against ground truth: real (Cascade), simulated (SpikeScope's simulator), and a reference run. */
class DeconvolutionQualityTest {

    /** OASIS (auto parameters, AR2, L0) on these files, as ../shared/data/groundtruth/README.md quotes it. */
    private static final Map<String, Double> OASIS = Map.of("DS09-GCaMP6f-m-V1", 0.757, "DS14-GCaMP6s-m-V1", 0.722,
            "DS21-jGECO1a-m-V1", 0.865, "DS40-GCaMP6s-spinal-cord-excitatory", 0.420);

    @Test
    void betterThanOasisOnEveryGroundTruthDatasetAndBy003OnAverage() throws Exception {
        Path root = SharedData.require("groundtruth");
        Map<String, Double> ours = GroundTruthScore.score(GroundTruthRecordings.load(root),
                DeconvolutionSettings.defaults());
        double oursMean = 0;
        double oasisMean = 0;
        for (Map.Entry<String, Double> e : OASIS.entrySet()) {
            double score = ours.get(e.getKey());
            System.out.printf("ground truth %s: SpikeScope %.3f, OASIS %.3f%n", e.getKey(), score, e.getValue());
            assertTrue(score > e.getValue(), e.getKey() + ": " + score + " vs OASIS " + e.getValue());
            oursMean += score / OASIS.size();
            oasisMean += e.getValue() / OASIS.size();
        }
        assertTrue(oursMean >= oasisMean + 0.03, "mean " + oursMean + " vs OASIS " + oasisMean);
    }

    @Test
    void simulatedCellsSpikesAreRecovered() {
        GroundTruth truth = new MovieSimulator(Sims.small().frames(6000).cells(12).spikeRate(0.5).build(), List.of())
                .groundTruth();
        Random noise = new Random(4);
        int n = truth.trueTimes().length;
        double[][] traces = new double[truth.calcium().length][n];
        for (int c = 0; c < traces.length; c++) {
            for (int t = 0; t < n; t++) {
                // ΔF/F of one spike ≈ 0.2 with noise 0.05: a typical one-photon SNR of 4
                traces[c][t] = 0.2 * truth.calcium()[c][t] + 0.05 * noise.nextGaussian();
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < traces.length; c++) {
            names.add("cell_" + c);
        }
        CellResult[] results = SpikeDeconvolver.deconvolve(new TraceSet("time_s", truth.trueTimes(), names, traces),
                truth.settings().frameRate(), DeconvolutionSettings.defaults(), ProgressListener.NONE);
        double mean = 0;
        for (int c = 0; c < results.length; c++) {
            double[] trueSpikes = new double[n];
            for (int t = 0; t < n; t++) {
                trueSpikes[t] = truth.spikes()[c][t];
            }
            mean += GroundTruthRecordings.score(truth.trueTimes(), results[c].spikes(), trueSpikes) / results.length;
        }
        System.out.printf("simulated cells (SNR 4): mean 200 ms correlation with true spikes %.3f%n", mean);
        assertTrue(mean > 0.85, "mean correlation " + mean);
    }

    @Test
    void agreesWithThePlacecellReferenceDeconvolution() throws Exception {
        Path dir = SharedData.require("placecell/regression_1d");
        CsvTable traces = CsvTable.read(dir.resolve("C_lp.csv"));
        CsvTable reference = CsvTable.read(dir.resolve("S_reference_oasis.csv"));
        double frameRate = 20;
        double[] time = new double[traces.rows()];
        for (int t = 0; t < time.length; t++) {
            time[t] = t / frameRate;
        }
        double mean = 0;
        for (int u = 0; u < 10; u++) {
            CellResult r = SpikeDeconvolver.deconvolve("unit_" + u, traces.column("unit_" + u), frameRate,
                    DeconvolutionSettings.defaults());
            mean += GroundTruthRecordings.score(time, r.spikes(), reference.column("unit_" + u)) / 10;
        }
        System.out.printf("placecell: mean 200 ms correlation with the reference OASIS AR(2) run %.3f%n", mean);
        assertTrue(mean > 0.6, "mean correlation " + mean);
    }

    /**
     * One set of defaults from 2 Hz to 120 Hz, for slow and fast indicators: AR(2) calcium with the kinetics of
     * GCaMP6s (rise 0.1 s, decay 1.5 s) and of GCaMP8f (rise 0.01 s, decay 0.15 s), noise 0.25 of a spike. The fast
     * indicator is not imaged at 2 Hz: a decay shorter than a frame leaves spikes white, and the spectral noise
     * estimate then takes them for noise (measured: 0.56).
     */
    @Test
    void defaultsWorkFromTwoTo120HzForSlowAndFastIndicators() {
        double[][] kinetics = {{0.1, 1.5}, {0.01, 0.15}};
        for (double frameRate : new double[]{2, 20, 120}) {
            for (double[] k : kinetics) {
                if (k[1] * frameRate < 1) {
                    continue;
                }
                Random rnd = new Random(12);
                int n = (int) (600 * frameRate); // ten minutes
                double[] g = ArEstimate.ar2(Math.max(k[0], 0.2 / frameRate), k[1], frameRate);
                double[] spikes = new double[n];
                double[] time = new double[n];
                for (int t = 0; t < n; t++) {
                    spikes[t] = rnd.nextDouble() < 0.4 / frameRate ? 1 : 0;
                    time[t] = t / frameRate;
                }
                double[] c = OasisTest.convolve(spikes, g);
                double[] unit = new double[n];
                unit[0] = 1;
                double peak = 0;
                for (double v : OasisTest.convolve(unit, g)) {
                    peak = Math.max(peak, v);
                }
                double[] y = new double[n];
                for (int t = 0; t < n; t++) {
                    y[t] = c[t] / peak + 0.25 * rnd.nextGaussian(); // one spike peaks at 1
                }
                CellResult r = SpikeDeconvolver.deconvolve("cell", y, frameRate, DeconvolutionSettings.defaults());
                // bins no shorter than a frame: at 2 Hz a 200 ms bin cannot tell where in its frame a spike fell
                double bin = Math.max(GroundTruthRecordings.BIN_SECONDS, 1 / frameRate);
                double score = GroundTruthRecordings.score(time, r.spikes(), spikes, bin);
                System.out.printf("simulated %.0f Hz, rise %.2f s, decay %.2f s: correlation %.3f in %.1f s bins%n",
                        frameRate, k[0], k[1], score, bin);
                assertTrue(score > 0.7, frameRate + " Hz, decay " + k[1] + ": " + score);
            }
        }
    }
}
