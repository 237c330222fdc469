package org.spikescope.fiji;

import org.spikescope.io.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.CsvTable;
import org.spikescope.rates.gfr.GfrActivation;
import org.spikescope.rates.gfr.GfrCell;
import org.spikescope.rates.gfr.GfrDataset;
import org.spikescope.rates.gfr.GfrSimulation;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Simulate GFR Neuron" through the headless launcher. */
class SimulateGfrNeuronCommandTest {

    @Test
    void writesRatesInHertzForOneOrSeveralCells(@TempDir Path dir) throws Exception {
        GfrCell a = new GfrCell("565871768", "Pvalb-IRES-Cre", 20, 20, 0.9, 0.8, 0.2, 0.3, new double[] {4, 1, 0.2, 0, 0, 0, 0, 0},
                new double[] {0, -0.0002, 0, 0, 0, 0, 0, 0}, GfrCell.decays(20), new GfrActivation(300, 0.2,
                new double[] {0.1, 1.1, 0.3}, 40, 20));
        GfrCell b = new GfrCell("583836069", "Sst-IRES-Cre", 20, 20, 0.7, 0.6, 0.3, 0.4, new double[] {2, 2, 0.5, 0.1, 0, 0, 0, 0},
                new double[] {0, 0, 0.0001, 0, 0, 0, 0, 0}, GfrCell.decays(20), new GfrActivation(200, 0.1,
                new double[] {0, 1}, 10, 20));
        Path dataset = dir.resolve("gfr_dataset.json");
        GfrDataset.write(List.of(a, b), OutputTarget.of(dataset));
        List<String> rows = new ArrayList<>(List.of("current_pA"));
        double[] current = new double[200];
        for (int t = 0; t < current.length; t++) {
            current[t] = t >= 50 && t < 150 ? 100 : 0;
            rows.add(String.valueOf(current[t]));
        }
        Path currentCsv = dir.resolve("step.csv");
        Files.write(currentCsv, rows);

        Path one = dir.resolve("one.csv");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Simulate GFR Neuron", "dataset='" + dataset
                + "',cellId=565871768,binSize=20,activationBinSize=20,current='" + currentCsv + "',output='" + one
                + "'");
        assertEquals(0, run.code(), run.err());
        CsvTable out = CsvTable.read(one);
        assertEquals(List.of("time_ms", "rate_hz"), out.header());
        assertEquals(200, out.rows());
        assertEquals(20 * 199, out.column("time_ms")[199], 1e-9);
        double[] expected = GfrSimulation.simulate(a, current);
        for (int t = 0; t < expected.length; t++) {
            expected[t] *= 1000;
        }
        assertArrayEquals(expected, out.column("rate_hz"), 1e-4); // CSV keeps 7 significant digits
        assertTrue(out.column("rate_hz")[100] > 10 && out.column("rate_hz")[10] < out.column("rate_hz")[100]);

        Path both = dir.resolve("both.csv");
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", "Simulate GFR Neuron", "dataset='" + dataset
                + "',cellId='565871768,583836069',current='" + currentCsv + "',output='" + both + "'").code());
        assertEquals(List.of("time_ms", "rate_hz_565871768", "rate_hz_583836069"), CsvTable.read(both).header());

        HeadlessRuns.Run wrongBin = HeadlessRuns.launch("--headless", "--run", "Simulate GFR Neuron", "dataset='"
                + dataset + "',cellId=565871768,binSize=100,current='" + currentCsv + "',output='" + dir.resolve("x.csv")
                + "'");
        assertNotEquals(0, wrongBin.code());
        assertTrue(wrongBin.err().contains("bin_size 20 / actv_bin_size 20"), wrongBin.err());
    }
}
