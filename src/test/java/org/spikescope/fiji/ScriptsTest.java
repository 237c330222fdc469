package org.spikescope.fiji;

import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.spikescope.core.Footprint;
import org.spikescope.core.TraceSet;
import org.spikescope.io.FootprintArrays;
import org.spikescope.spikes.CellResult;
import org.spikescope.testing.FootprintMatching;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.imglib2.img.array.ArrayImg;
import io.jhdf.HdfFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fiji scripts of scripts/ run through JSR-223 as Fiji's script editor runs them: the #@ parameter lines are
 * Fiji's (bound here by hand), the rest is plain Groovy on SpikeScope's Java API.
 */
class ScriptsTest {

    /** Runs a Fiji script with its inputs bound, returning the engine to read its outputs from. */
    static ScriptEngine run(Path script, String language, java.util.Map<String, Object> inputs) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName(language);
        assertNotNull(engine, language + " engine");
        inputs.forEach(engine::put);
        String body = Files.readAllLines(script).stream().filter(l -> !l.startsWith("#@"))
                .collect(Collectors.joining("\n"));
        engine.eval(body);
        return engine;
    }

    @Test
    void groovyPipelineOnAnImgLib2ViewFindsTheBundledCells() throws Exception {
        pipelineScriptFindsTheBundledCells("SpikeScope_Pipeline.groovy", "groovy");
    }

    @Test
    void pythonPipelineOnAnImgLib2ViewFindsTheBundledCells() throws Exception {
        pipelineScriptFindsTheBundledCells("SpikeScope_Pipeline.py", "python");
    }

    private static void pipelineScriptFindsTheBundledCells(String script, String language) throws Exception {
        ImagePlus imp = CommandsOnImagesTest.bundledRecording();
        ScriptEngine engine = run(Path.of("scripts", script), language,
                java.util.Map.of("imp", imp, "frameRate", 20.0));
        ArrayImg<?, ?> footprints = (ArrayImg<?, ?>) engine.get("footprints");
        TraceSet traces = (TraceSet) engine.get("traces");
        CellResult[] spikes = (CellResult[]) engine.get("spikes");
        int cells = spikes.length;
        assertEquals(cells, (int) footprints.dimension(2));
        assertEquals(128, footprints.dimension(0));
        assertEquals(cells, traces.cells());
        assertEquals(298, traces.frames());
        assertEquals(298, spikes[0].spikes().length);

        // the cells against the recording's ground truth, up to the motion template's whole-pixel offset
        List<Footprint> found = new ArrayList<>();
        float[][][] planes = new float[cells][128][128];
        float[] data = ((net.imglib2.img.basictypeaccess.array.FloatArray) footprints.update(null))
                .getCurrentStorageArray();
        for (int c = 0; c < cells; c++) {
            for (int y = 0; y < 128; y++) {
                System.arraycopy(data, (c * 128 + y) * 128, planes[c][y], 0, 128);
            }
        }
        found.addAll(FootprintArrays.sparse(planes, "script footprints"));
        List<Footprint> truth;
        try (HdfFile h5 = new HdfFile(Path.of("test-images", "sim-small", "groundtruth", "results.h5"))) {
            truth = FootprintArrays.sparse((float[][][]) h5.getDatasetByPath("/footprints").getData(), "truth");
        }
        double f1 = FootprintMatching.f1UpToOffset(truth, found, 128, 128, 3);
        System.out.printf("%s: %d cells, F1 %.3f against the %d true cells%n", script, cells, f1, truth.size());
        assertTrue(f1 >= 0.85, "F1 " + f1);
    }

    @Test
    void groovyMotionCorrectionOfAnImgLib2ImageFollowsTheTrueMotion() throws Exception {
        ImagePlus imp = CommandsOnImagesTest.bundledRecording();
        ScriptEngine engine = run(Path.of("scripts", "Correct_Motion_ImgLib2.groovy"), "groovy",
                java.util.Map.of("imp", imp, "maxShift", 5.0));
        net.imglib2.img.planar.PlanarImg<?, ?> corrected = (net.imglib2.img.planar.PlanarImg<?, ?>)
                engine.get("corrected");
        org.spikescope.motion.MotionResult shifts = (org.spikescope.motion.MotionResult) engine.get("shifts");
        assertEquals(298, corrected.dimension(2));
        org.spikescope.io.CsvTable truth = org.spikescope.io.CsvTable.read(
                Path.of("test-images", "sim-small", "groundtruth", "shifts.csv"));
        double[] frameCorrupted = org.spikescope.io.CsvTable.read(
                Path.of("test-images", "sim-small", "groundtruth", "frames.csv")).column("corrupted");
        // the template's own position is arbitrary: compare after removing the mean difference
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int t = 0; t < 298; t++) {
            if (frameCorrupted[t] == 0) {
                mx += shifts.x()[t] - truth.column("x")[t];
                my += shifts.y()[t] - truth.column("y")[t];
                n++;
            }
        }
        double squared = 0;
        for (int t = 0; t < 298; t++) {
            if (frameCorrupted[t] == 0) {
                double ex = shifts.x()[t] - truth.column("x")[t] - mx / n;
                double ey = shifts.y()[t] - truth.column("y")[t] - my / n;
                squared += ex * ex + ey * ey;
            }
        }
        double rms = Math.sqrt(squared / n);
        System.out.printf("Groovy motion script: RMS %.3f px against the true motion (%d good frames)%n", rms, n);
        assertTrue(rms <= 0.3, "RMS " + rms);
    }

    @Test
    void pythonDeconvolvesTheOpenResultsTable() throws Exception {
        org.spikescope.io.CsvTable calcium = org.spikescope.io.CsvTable.read(
                Path.of("test-images", "sim-small", "groundtruth", "calcium.csv"));
        TraceSet trueSpikes = org.spikescope.io.TraceTables.read(
                Path.of("test-images", "sim-small", "groundtruth", "spikes.csv"));
        ij.measure.ResultsTable rt = new ij.measure.ResultsTable();
        java.util.Random noise = new java.util.Random(3);
        for (int t = 0; t < calcium.rows(); t++) {
            rt.incrementCounter();
            rt.addValue("time_s", calcium.column("time_s")[t]);
            for (int c = 1; c <= 5; c++) {
                String cell = calcium.header().get(c);
                rt.addValue(cell, 0.2 * calcium.column(cell)[t] + 0.02 * noise.nextGaussian());
            }
        }
        ij.measure.ResultsTable.getResultsTable().reset();
        rt.show("Results"); // headless: becomes the system Results table
        ij.plugin.filter.Analyzer.setResultsTable(rt);
        ScriptEngine engine = run(Path.of("scripts", "Deconvolve_Results_Table.py"), "python",
                java.util.Map.of("frameRate", 20.0));
        CellResult[] spikes = (CellResult[]) engine.get("spikes");
        assertEquals(5, spikes.length);
        double[] r = new double[5];
        for (int c = 0; c < 5; c++) {
            r[c] = org.spikescope.testing.Stats.pearson(binned(spikes[c].spikes()),
                    binned(trueSpikes.values()[trueSpikes.names().indexOf(spikes[c].name())]));
        }
        java.util.Arrays.sort(r);
        System.out.printf("Python deconvolution script: spike correlation (200 ms bins) median %.3f%n", r[2]);
        assertTrue(r[2] >= 0.7, "median correlation " + r[2]);
    }

    /**
     * Spikes of simulated trials (12 neurons, 80 trials of two conditions, 20 Hz frames) in the Results table and
     * their trials in a CSV: the rates the script returns follow the true rates and beat smoothing on held-out
     * trials, as the RNN does when called from Java (RnnRateInferenceTest).
     */
    @Test
    void groovyRatesFromTheSpikesTableFollowTheTrueRates(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        org.spikescope.rates.rnn.SimulatedTrials sim = new org.spikescope.rates.rnn.SimulatedTrials(80, 12, 5);
        org.spikescope.core.Trials trials = sim.binned.trials();
        TraceSet spikes = sim.spikesPerFrame();
        ij.measure.ResultsTable rt = new ij.measure.ResultsTable();
        for (int f = 0; f < spikes.frames(); f++) {
            rt.incrementCounter();
            rt.addValue("time_s", spikes.time()[f]);
            for (int j = 0; j < spikes.cells(); j++) {
                rt.addValue(spikes.names().get(j), spikes.values()[j][f]);
            }
        }
        ij.measure.ResultsTable.getResultsTable().reset();
        rt.show("Results");
        ij.plugin.filter.Analyzer.setResultsTable(rt);
        Path csv = dir.resolve("trials.csv");
        StringBuilder text = new StringBuilder("trial,start_s,label\n");
        for (int k = 0; k < trials.count(); k++) {
            text.append(trials.ids().get(k)).append(',').append(trials.startSeconds()[k]).append(',')
                    .append(trials.labels().get(k)).append('\n');
        }
        Files.writeString(csv, text);
        ScriptEngine engine = run(Path.of("scripts", "Rates_From_Spikes_Table.groovy"), "groovy", java.util.Map.of(
                "trials", csv.toFile(), "fromMs", 0.0, "toMs", org.spikescope.rates.rnn.SimulatedTrials.BINS * 50.0,
                "stimulusMs", org.spikescope.rates.rnn.SimulatedTrials.STIMULUS_MS, "binMs", 50.0,
                "trainSteps", 3000));
        org.spikescope.rates.rnn.RnnRatesRun.Result rates = (org.spikescope.rates.rnn.RnnRatesRun.Result)
                engine.get("rates");
        double r = org.spikescope.rates.rnn.RnnRateInferenceTest.truthCorrelation(sim, rates.groups().get(0));
        double rnn = rates.comparison().scores().get(0).bitsPerSpike();
        double smoothing = rates.comparison().scores().get(1).bitsPerSpike();
        System.out.printf("Groovy rates script: median correlation with the true rates %.3f; bits/spike RNN %.3f,"
                + " smoothing %.3f%n", r, rnn, smoothing);
        assertTrue(r > 0.85, "median correlation with the true rates " + r);
        assertTrue(rnn > smoothing + 0.03, "RNN " + rnn + " bits/spike against smoothing " + smoothing);
    }

    /** Sums over 200 ms (4 frames at 20 Hz). */
    private static double[] binned(double[] x) {
        double[] out = new double[x.length / 4];
        for (int i = 0; i < out.length * 4; i++) {
            out[i / 4] += x[i];
        }
        return out;
    }
}
