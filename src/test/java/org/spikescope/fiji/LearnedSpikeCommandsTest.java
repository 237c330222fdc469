package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;
import org.spikescope.spikes.learned.GroundTruthSet;
import org.spikescope.spikes.learned.SimulatedGroundTruth;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.Stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Train Spike Inference Model" on a lab's own ground truth (simulated, 30 Hz) and "Infer Spike Rates" with the
 * model it wrote, from the headless launcher: the files and their columns, the spikes against the truth, bad cells
 * named, a rate too far from the model's refused.
 */
class LearnedSpikeCommandsTest {

    @Test
    void trainsAModelAndInfersWithIt(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("our lab").resolve("GCaMP-sim");
        Files.createDirectories(truth);
        for (GroundTruthSet.Recording r : SimulatedGroundTruth.recordings(12, 30, 60, 0.6, 1, 21)) {
            TextTable t = new TextTable(List.of("time_s", "dff", "spike_count"));
            for (int i = 0; i < r.dff().length; i++) {
                t.add(i / 30.0, r.dff()[i], r.spikes()[i]);
            }
            t.write(truth.resolve(r.name() + ".csv"));
        }
        Path model = dir.resolve("models").resolve("ours.json");
        Files.createDirectories(model.getParent());
        HeadlessRuns.Run train = HeadlessLauncherTest.launch("--headless", "--run", "Train Spike Inference Model",
                "groundTruth='" + dir.resolve("our lab") + "',frameRate=30,noiseLevels='2',networksPerLevel=1,"
                        + "epochs=20,segments=400,output='" + model + "'");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("from 12 recordings"), train.out());
        assertTrue(Files.size(model.resolveSibling("ours.weights")) > 0);

        List<GroundTruthSet.Recording> test = SimulatedGroundTruth.recordings(3, 30, 60, 0.6, 2, 77);
        int n = test.get(0).dff().length;
        double[] time = new double[n];
        for (int t = 0; t < n; t++) {
            time[t] = t / 30.0;
        }
        double[][] values = new double[5][];
        for (int c = 0; c < 3; c++) {
            values[c] = test.get(c).dff();
        }
        values[3] = new double[n];
        Arrays.fill(values[3], 0.2);
        values[4] = new double[n];
        Arrays.fill(values[4], Double.NaN);
        Path input = dir.resolve("traces.csv");
        List<String> names = List.of("cell_001", "cell_002", "cell_003", "cell_004", "cell_005");
        TraceTables.write(new TraceSet("time_s", time, names, values), input);
        Path output = dir.resolve("rates.csv");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Infer Spike Rates",
                "input='" + input + "',output='" + output + "',model='" + model + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("failedCells = 2"), run.out());
        assertTrue(run.out().contains("cell_004: flat trace"), run.out());
        assertTrue(run.out().contains("cell_005: too short"), run.out());

        CsvTable spikes = CsvTable.read(output);
        assertEquals(List.of("time_s", "cell_001", "cell_002", "cell_003", "cell_004", "cell_005"), spikes.header());
        assertEquals(n, spikes.rows());
        List<String> parameters = Files.readAllLines(dir.resolve("rates_parameters.csv"));
        assertEquals("cell,status,noise_level,model,spike_sum,events", parameters.get(0));
        assertTrue(parameters.get(1).startsWith("cell_001,ok,") && parameters.get(1).contains("ours.json"),
                parameters.get(1));
        List<String> eventLines = Files.readAllLines(dir.resolve("rates_events.csv"));
        assertEquals("cell,time_s", eventLines.get(0));
        for (int c = 0; c < 3; c++) {
            double[] inferred = spikes.column(names.get(c));
            double[] fromEvents = new double[n];
            String cell = names.get(c);
            for (String line : eventLines.subList(1, eventLines.size())) {
                if (line.startsWith(cell + ",")) {
                    fromEvents[(int) Math.round(Double.parseDouble(line.split(",")[1]) * 30)]++;
                }
            }
            double r = Stats.pearson(binned(inferred), binned(test.get(c).spikes()));
            double rEvents = Stats.pearson(binned(fromEvents), binned(test.get(c).spikes()));
            assertTrue(r > 0.75, cell + ": r = " + r);
            assertTrue(rEvents > 0.7, cell + ": events r = " + rEvents);
            double total = Arrays.stream(test.get(c).spikes()).sum();
            assertEquals(1, Arrays.stream(fromEvents).sum() / total, 0.35, cell + " events / true spikes");
        }
    }

    @Test
    void refusesTracesFarFromTheModelsRateAndTheInputAsOutput(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("t.csv");
        List<String> lines = new ArrayList<>(List.of("time_s,cell_001"));
        for (int t = 0; t < 400; t++) {
            lines.add(t / 2.0 + "," + Math.sin(t));
        }
        Files.write(input, lines);
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Infer Spike Rates",
                "input='" + input + "',output='" + dir.resolve("s.csv") + "'");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("2.00 Hz") && run.err().contains("Train Spike Inference Model"), run.err());
        assertTrue(!Files.exists(dir.resolve("s.csv")));
        run = HeadlessLauncherTest.launch("--headless", "--run", "Infer Spike Rates",
                "input='" + input + "',output='" + input + "'");
        assertEquals(2, run.code());
        assertEquals(lines, Files.readAllLines(input));
    }

    private static double[] binned(double[] perFrame) {
        double[] out = new double[perFrame.length / 6];
        for (int i = 0; i < out.length * 6; i++) {
            out[i / 6] += Double.isNaN(perFrame[i]) ? 0 : perFrame[i];
        }
        return out;
    }
}
