package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.rates.gfr.ExplainedVariance;
import org.spikescope.rates.gfr.GfrCell;
import org.spikescope.rates.gfr.GfrDataset;
import org.spikescope.rates.gfr.GfrFittingTest;
import org.spikescope.rates.gfr.GfrSimulation;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Fit GFR Neuron" through the headless launcher, from a current CSV and spike times. */
class FitGfrNeuronCommandTest {

    @Test
    void fitsFromSpikeTimesAndWritesADatasetEntry(@TempDir Path dir) throws Exception {
        GfrCell truth = GfrFittingTest.truth();
        double[][][] rec = GfrFittingTest.recording(truth, 5);
        List<String> current = new ArrayList<>(List.of("sweep,current_pA"));
        List<String> spikes = new ArrayList<>(List.of("sweep,time_ms"));
        for (int k = 0; k < rec[0].length; k++) {
            for (int t = 0; t < rec[0][k].length; t++) {
                current.add((k + 1) + "," + rec[0][k][t]);
                for (int n = 0; n < rec[1][k][t]; n++) {
                    spikes.add(String.format(Locale.ROOT, "%d,%.2f", k + 1, t * 20 + 1 + 3.5 * n));
                }
            }
        }
        Path currentCsv = dir.resolve("current.csv");
        Path spikeCsv = dir.resolve("spike_times.csv");
        Files.write(currentCsv, current);
        Files.write(spikeCsv, spikes);
        Path dataset = dir.resolve("fitted.json");
        String args = "current='" + currentCsv + "',spikes='" + spikeCsv + "',cellId=999,creLine=Sim-Cre,binSize=20,"
                + "activationBinSize=20,maxFiringRate=100,learningRates='0.003,0.03',steps=300,output='" + dataset + "'";
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Fit GFR Neuron", args);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("34 step onsets"), run.out());
        List<GfrCell> cells = GfrDataset.read(dataset);
        assertEquals(1, cells.size());
        GfrCell fit = cells.get(0);
        assertEquals("999", fit.cellId());
        assertEquals("Sim-Cre", fit.creLine());
        double[] newCurrent = GfrFittingTest.noise(new SplittableRandom(99), 1000);
        double ev = ExplainedVariance.ev(GfrSimulation.simulate(truth, newCurrent),
                GfrSimulation.simulate(fit, newCurrent));
        assertTrue(ev > 0.9, "EV against the true rates " + ev);

        // fitting the same cell again replaces its entry
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", "Fit GFR Neuron", args).code());
        assertEquals(1, GfrDataset.read(dataset).size());

        Path counts = dir.resolve("counts.csv");
        Files.write(counts, List.of("count", "1", "0"));
        HeadlessRuns.Run bad = HeadlessRuns.launch("--headless", "--run", "Fit GFR Neuron", args.replace(
                spikeCsv.toString(), counts.toString()));
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("2 rows of counts") && bad.err().contains(counts.toString()), bad.err());
    }
}
