package org.spikescope.fiji;

import org.spikescope.io.OutputTarget;
import io.jhdf.HdfFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.CsvRows;
import org.spikescope.io.ResultsH5;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.KramerStnTrials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Infer Firing Rates (RNN)" through the headless launcher, on files as users have them. */
class InferFiringRatesRnnCommandTest {

    @TempDir
    static Path dir;
    static Path spikes;
    static Path trials;

    /** Spike times of 6 cells over 40 trials of two tastes, rates bumping after the stimulus at 1 s. */
    @BeforeAll
    static void writeTrials() throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        List<String> spikeRows = new ArrayList<>(List.of("cell,time_s"));
        List<String> trialRows = new ArrayList<>(List.of("trial,start_s,label"));
        for (int k = 0; k < 40; k++) {
            double start = 5.0 * k + 2;
            String label = k % 2 == 0 ? "sucrose" : "quinine";
            trialRows.add((k + 1) + "," + start + "," + label);
            for (int j = 0; j < 6; j++) {
                double latency = 1.2 + 0.25 * j + (k % 2) * 0.4;
                for (double t = 0; t < 3; t += 0.001) {
                    double d = (t - latency) / 0.2;
                    double hz = 4 + 40 * Math.exp(-0.5 * d * d);
                    if (rng.nextDouble() < hz * 0.001) {
                        spikeRows.add(String.format(Locale.ROOT, "cell_%03d,%.4f", j + 1, start + t));
                    }
                }
            }
        }
        spikes = dir.resolve("spike_times.csv");
        trials = dir.resolve("trials.csv");
        Files.write(spikes, spikeRows);
        Files.write(trials, trialRows);
    }

    private static HeadlessRuns.Run infer(Path out, String more) {
        return HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (RNN)", "spikes='" + spikes
                + "',trials='" + trials + "',output='" + out + "',timeLims='0,3000',binSize=50,stimulusTime=1000,"
                + "trainSteps=300" + more);
    }

    @Test
    void writesRatesLatentsMetricsPlotsAndModelsAndReusesTheModel() throws Exception {
        Path out = dir.resolve("rnn");
        Path results = dir.resolve("results.h5");
        // a results.h5 that SpikeScope wrote (a pipeline's): the rates are added to it
        try (org.spikescope.io.OutputFolder f = org.spikescope.io.OutputFolder.files(OutputTarget.of("results", results,
                false), "pipeline", List.of(results))) {
            new ResultsH5().dataset("/traces/dff", new double[][] {{1, 2, 3}}).write(f.staged(results));
            f.commit();
        }
        HeadlessRuns.Run run = infer(out, ",separateConditions=true,results='" + results + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("held-out bits/spike: rnn"), run.out());

        CsvRows rates = CsvRows.read(out.resolve("rates.csv"));
        assertEquals(List.of("trial", "label", "time_ms", "cell_001", "cell_002", "cell_003", "cell_004", "cell_005",
                "cell_006"), rates.header());
        assertEquals(40 * 59, rates.rows().size()); // 60 bins, the first has no forecast
        assertEquals("1", rates.rows().get(0)[0]);
        assertEquals("sucrose", rates.rows().get(0)[1]);
        assertEquals(50, rates.number(0, 2), 1e-9);
        // rates are spikes/s: the simulated mean is 4 Hz plus the bump (≈ 40 · 0.2 · √(2π) / 2.95 s ≈ 6.8 Hz)
        double mean = 0;
        for (int r = 0; r < rates.rows().size(); r++) {
            for (int c = 3; c < 9; c++) {
                mean += rates.number(r, c) / (rates.rows().size() * 6.0);
            }
        }
        assertEquals(10.8, mean, 2.5);
        assertEquals(List.of("trial", "label", "time_ms", "factor_1", "factor_2", "factor_3", "factor_4", "factor_5",
                "factor_6", "factor_7", "factor_8"), CsvRows.read(out.resolve("latents.csv")).header());
        CsvRows metrics = CsvRows.read(out.resolve("metrics.csv"));
        assertEquals(List.of("model", "bits_per_spike", "mse"), metrics.header());
        assertEquals(List.of("rnn", "smoothing", "psth"), metrics.rows().stream().map(r -> r[0]).toList());
        assertTrue(metrics.number(0, 1) > 0, "RNN bits/spike " + metrics.number(0, 1));
        CsvRows loss = CsvRows.read(out.resolve("loss.csv"));
        assertEquals(6, loss.rows().size()); // two conditions, evaluated at steps 100, 200, 300
        for (String f : List.of("blechrnn_params.json", "log.txt", "model/sucrose.weights.h5", "model/quinine.json",
                "plots/loss_sucrose.png", "plots/neuron_cell_001.png", "plots/latents_quinine.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        try (HdfFile h5 = new HdfFile(results)) {
            double[][][] r = (double[][][]) h5.getDatasetByPath("/rates/rnn/sucrose/rates").getData();
            assertEquals(20, r.length);
            assertEquals(59, r[0].length);
            assertEquals(6, r[0][0].length);
            assertEquals(59, ((double[]) h5.getDatasetByPath("/rates/rnn/quinine/time_ms").getData()).length);
            assertEquals(3, ((double[][]) h5.getDatasetByPath("/traces/dff").getData())[0].length);
        }

        // the same settings and data: the saved model is reused and gives the same rates
        HeadlessRuns.Run again = infer(out, ",separateConditions=true");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("log.txt")).contains("reusing the model"));
        assertArrayEquals(rates.rows().get(100), CsvRows.read(out.resolve("rates.csv")).rows().get(100));
        // a hostile model folder: a DL4J zip holding a serialised object, and a JSON naming a class to load; both are
        // ignored (SpikeScope reads only its own weights file, and model kinds from a fixed list)
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(
                out.resolve("model/sucrose.zip")))) {
            for (String entry : List.of("preprocessor.bin", "coefficients.bin", "updaterState.bin")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write(org.spikescope.testing.CanaryStub.serialisedBomb());
            }
        }
        Path quinine = out.resolve("model/quinine.json");
        Files.writeString(quinine, Files.readString(quinine).replaceFirst("\"model\" : \"[A-Za-z.$]+ ",
                "\"model\" : \"org.spikescope.testing.CanaryBomb "));
        assertEquals(0, infer(out, ",separateConditions=true").code());
        assertEquals(null, System.getProperty("spikescope.test.canary"), "a class named by a model file was loaded");
        // a weights file that does not fit the model is named, not trusted
        Files.writeString(out.resolve("model/sucrose.weights.h5"), "not HDF5");
        HeadlessRuns.Run broken = infer(out, ",separateConditions=true");
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("sucrose.weights.h5"), broken.err());

        // retrain with another seed: trained afresh
        assertEquals(0, infer(out, ",separateConditions=true,retrain=true,seed=9").code());
        assertTrue(!Files.readString(out.resolve("log.txt")).contains("reusing"));
        assertNotEquals(rates.rows().get(100)[4], CsvRows.read(out.resolve("rates.csv")).rows().get(100)[4]);
    }

    @Test
    void settingsFileAndBadInputsAreNamed() throws Exception {
        Path config = dir.resolve("blechrnn_params.json");
        Files.writeString(config, "{\"time_lims\": [0, 3000], \"bin_size\": 50, \"train_steps\": 100, "
                + "\"use_pca\": false, \"stimulus_time\": 1000}");
        Path out = dir.resolve("from config");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (RNN)", "spikes='"
                + spikes + "',trials='" + trials + "',output='" + out + "',config='" + config + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(out.resolve("log.txt")).contains("8 inputs"), "6 neurons, no PCA, 2 context");
        assertEquals(1, CsvRows.read(out.resolve("loss.csv")).rows().size());

        Files.writeString(config, "{\"time_lim\": [0, 3000]}");
        HeadlessRuns.Run typo = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (RNN)", "spikes='"
                + spikes + "',trials='" + trials + "',output='" + dir.resolve("typo") + "',config='" + config + "'");
        assertNotEquals(0, typo.code());
        assertTrue(typo.err().contains("unknown setting 'time_lim'") && typo.err().contains(config.toString()),
                typo.err());

        HeadlessRuns.Run outside = infer(dir.resolve("outside"), ",stimulusTime=5000");
        assertNotEquals(0, outside.code());
        assertTrue(outside.err().contains("stimulusTime"), outside.err());
        assertTrue(Files.notExists(dir.resolve("outside").resolve("rates.csv")));
    }

    /**
     * The GFR network on the same trials and settings as the RNN: the same held-out trials (the baselines' rows
     * agree), its own row in the table, and units taken from a GRNN dataset when given one.
     */
    @Test
    void gfrNetworkRunsBesideTheRnnOnTheSameHeldOutTrials() throws Exception {
        Path rnn = dir.resolve("side rnn");
        Path gfr = dir.resolve("side gfr");
        assertEquals(0, infer(rnn, "").code());
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (GFR network)",
                "spikes='" + spikes + "',trials='" + trials + "',output='" + gfr + "',timeLims='0,3000',binSize=50,"
                        + "stimulusTime=1000,trainSteps=300,compareWith='" + rnn + "'");
        assertEquals(0, run.code(), run.err());
        CsvRows a = CsvRows.read(rnn.resolve("metrics.csv"));
        CsvRows b = CsvRows.read(gfr.resolve("metrics.csv"));
        // one table: this run's model, the RNN from its folder, then the baselines
        assertEquals(List.of("gfr_network", "rnn", "smoothing", "psth"), b.rows().stream().map(r -> r[0]).toList());
        assertEquals(a.rows().get(0)[1], b.rows().get(1)[1]);
        assertEquals(a.rows().get(1)[1], b.rows().get(2)[1], "smoothing scored on the same trials");
        assertEquals(a.rows().get(2)[1], b.rows().get(3)[1], "PSTH scored on the same trials");
        HeadlessRuns.Run otherTrials = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (GFR network)",
                "spikes='" + spikes + "',trials='" + trials + "',output='" + dir.resolve("gfr seed 5") + "',"
                        + "timeLims='0,3000',binSize=50,stimulusTime=1000,trainSteps=10,seed=5,compareWith='" + rnn + "'");
        assertNotEquals(0, otherTrials.code());
        assertTrue(otherTrials.err().contains("held out other trials"), otherTrials.err());
        System.out.printf(Locale.ROOT, "held-out bits/spike: RNN %.3f, GFR network %.3f, smoothing %.3f%n",
                a.number(0, 1), b.number(0, 1), a.number(1, 1));
        assertTrue(b.number(0, 1) > 0, "GFR network bits/spike " + b.number(0, 1));
        assertEquals(40 * 59, CsvRows.read(gfr.resolve("rates.csv")).rows().size());

        // units from a dataset: fitted at the run's 50 ms bins; others in the file are left out
        org.spikescope.rates.gfr.GfrCell cell = new org.spikescope.rates.gfr.GfrCell("7", "Sst-IRES-Cre", 50, 50,
                0.8, 0.7, 0.3, 0.4, new double[] {3, 1, 0.5, 0.3, 0.1, 0, 0}, new double[7],
                org.spikescope.rates.gfr.GfrCell.decays(50), // 7 states: τ of 50 ms and more
                new org.spikescope.rates.gfr.GfrActivation(200, 0.1, new double[] {0.3, 1}, 20, 50));
        Path dataset = dir.resolve("cells.json");
        org.spikescope.rates.gfr.GfrDataset.write(List.of(cell), OutputTarget.of(dataset));
        Path withCells = dir.resolve("gfr cells");
        HeadlessRuns.Run cells = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (GFR network)",
                "spikes='" + spikes + "',trials='" + trials + "',output='" + withCells + "',timeLims='0,3000',"
                        + "binSize=50,stimulusTime=1000,trainSteps=100,dataset='" + dataset + "'");
        assertEquals(0, cells.code(), cells.err());
        assertTrue(java.util.regex.Pattern.compile("maxCurrent\\W+200\\.0").matcher(Files.readString(
                withCells.resolve("model/all.json"))).find(), "the units are the dataset's cell");
        HeadlessRuns.Run wrongBins = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (GFR network)",
                "spikes='" + spikes + "',trials='" + trials + "',output='" + dir.resolve("gfr none") + "',"
                        + "timeLims='0,3000',binSize=100,stimulusTime=1000,trainSteps=10,dataset='" + dataset + "'");
        assertNotEquals(0, wrongBins.code());
        assertTrue(wrongBins.err().contains("bin_size 100"), wrongBins.err());
    }

    /** Without trials: counts per frame (the pipeline's spikes.csv) cut into windows of the timeLims length. */
    @Test
    void continuousRecordingsAreCutIntoWindows() throws Exception {
        SplittableRandom rng = new SplittableRandom(8);
        List<String> rows = new ArrayList<>(List.of("time_s,cell_001,cell_002,cell_003"));
        for (int f = 0; f < 20 * 200; f++) {
            double t = f / 20.0;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.2f", t));
            for (int j = 0; j < 3; j++) {
                double hz = 3 + 3 * Math.sin(2 * Math.PI * t / (7 + j));
                row.append(',').append(rng.nextDouble() < hz / 20 ? 1 : 0);
            }
            rows.add(row.toString());
        }
        Path counts = dir.resolve("spikes.csv");
        Files.write(counts, rows);
        Path out = dir.resolve("continuous");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (RNN)", "spikes='"
                + counts + "',output='" + out + "',timeLims='0,5000',binSize=100,trainSteps=200");
        assertEquals(0, run.code(), run.err());
        CsvRows rates = CsvRows.read(out.resolve("rates.csv"));
        assertEquals(39 * 49, rates.rows().size(), "39 whole 5 s windows in 199.95 s, 50 bins each, one forecast");
        assertEquals("w1", rates.rows().get(0)[0]);
        assertEquals("all", rates.rows().get(0)[1]);
        assertTrue(Files.readString(out.resolve("log.txt")).contains("39 windows"));
    }

    /** Kramer's STN neuron, 50 trials of two directions (−1 … 1 s around the cue), as spike times and trials. */
    @Test
    void kramerSubthalamicTrials() throws Exception {
        Assumptions.assumeTrue(KramerStnTrials.available(), "no " + KramerStnTrials.SOURCE + ": skipped");
        KramerStnTrials.Written stn = KramerStnTrials.write(dir);
        Path s = stn.spikes();
        Path t = stn.trials();
        Path out = dir.resolve("stn");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Infer Firing Rates (RNN)", "spikes='" + s
                + "',trials='" + t + "',output='" + out + "',timeLims='0,2000',binSize=50,stimulusTime=1000,"
                + "trainSteps=400");
        assertEquals(0, run.code(), run.err());
        CsvRows metrics = CsvRows.read(out.resolve("metrics.csv"));
        double rnn = metrics.number(0, 1);
        double smoothing = metrics.number(1, 1);
        System.out.printf(Locale.ROOT, "Kramer STN held-out bits/spike: RNN %.3f, smoothing %.3f, PSTH %.3f%n", rnn,
                smoothing, metrics.number(2, 1));
        // one neuron at ≈ 45 Hz: its rate differs between directions (117 against 71 spikes per trial) but changes
        // little within a trial, so every model is close to a flat rate per trial; the RNN must not be worse than
        // flat, and its mean rate must match the observed one
        assertTrue(rnn > -0.01, "RNN " + rnn + " bits/spike");
        CsvRows rates = CsvRows.read(out.resolve("rates.csv"));
        assertEquals(50 * 39, rates.rows().size());
        double predicted = 0;
        for (int r = 0; r < rates.rows().size(); r++) {
            predicted += rates.number(r, 3) / rates.rows().size();
        }
        double observed = (stn.spikeCount() / 50.0) / 2.0; // spikes per trial over 2 s
        assertEquals(observed, predicted, 0.1 * observed);
    }
}
