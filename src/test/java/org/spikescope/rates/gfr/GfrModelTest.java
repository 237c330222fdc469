package org.spikescope.rates.gfr;

import org.spikescope.io.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;
import org.spikescope.sim.SpikeTrains;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GfrModelTest {

    /** Two hidden states, a linear-then-tanh activation: small enough to follow by hand. */
    static GfrCell handCell() {
        return new GfrCell("42", "Test-Cre", 20, 20, 0.8, 0.7, 0.3, 0.35, new double[] {2, 4},
                new double[] {0.001, 0}, new double[] {1, 0.5}, new GfrActivation(10, 0.1, new double[] {0, 1}, 0, 20));
    }

    @Test
    void simulationFollowsTheEquationsByHand() {
        double[] f = GfrSimulation.simulate(handCell(), new double[] {5, 5, 0});
        // t0: h = (2·5, 4·5) = (10, 20), mean 15, f = 0.1·tanh(15/10)
        double f0 = 0.1 * Math.tanh(1.5);
        // t1: h0 = 0·10 + 10 + 1000·0.001·f0, h1 = 0.5·20 + 20
        double f1 = 0.1 * Math.tanh((10 + f0 + 30) / 2 / 10);
        // t2: no input: h0 = 1000·0.001·f1, h1 = 0.5·30
        double f2 = 0.1 * Math.tanh((f1 + 15) / 2 / 10);
        assertArrayEquals(new double[] {f0, f1, f2}, f, 1e-15);
        // below threshold the rate is zero, not negative
        GfrCell c = handCell();
        GfrCell inhibited = new GfrCell(c.cellId(), c.creLine(), 20, 20, 0, 0, 0, 0, c.alpha(), c.beta(), c.lambda(),
                new GfrActivation(10, 0.1, new double[] {0, 1}, 100, 20));
        assertEquals(0, GfrSimulation.simulate(inhibited, new double[] {5})[0]);
        // squared coefficients: c = (1, -2) gives 1 + 4u
        assertEquals(0.1 * Math.tanh(1 + 4 * 0.5), new GfrActivation(10, 0.1, new double[] {1, -2}, 0, 20).apply(5),
                1e-15);
    }

    @Test
    void decaysKeepTimeConstantsOfAtLeastOneBin() {
        double[] d = GfrCell.decays(20);
        assertEquals(8, d.length); // 10 ms is shorter than a 20 ms bin
        assertEquals(1, d[0]);
        assertEquals(1 - Math.exp(-1), d[1], 1e-15);
        assertEquals(1 - Math.exp(-0.01), d[7], 1e-15);
        assertEquals(9, GfrCell.decays(5).length);
    }

    @Test
    void addingToADatasetKeepsWhatSpikeScopeDoesNotKnow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("published.json");
        GfrCell a = handCell();
        GfrDataset.write(List.of(a), OutputTarget.of(file));
        // a published dataset: fields SpikeScope does not know, at the entry's and at the parameters' level
        String text = java.nio.file.Files.readString(file).replaceFirst("\\{", "{\"sweep_ids\": [3, 5],")
                .replace("\"params\" : {", "\"params\" : {\"fit_note\": \"v2\",");
        java.nio.file.Files.writeString(file, text);
        GfrCell b = new GfrCell("313861677", "Sst-IRES-Cre", 100, 20, Double.NaN, 0.4, 0.5, 0.6, new double[] {1},
                new double[] {0}, new double[] {1}, new GfrActivation(200, 0.05, new double[] {0.1, 1}, -30, 20));
        // not written by SpikeScope any more: adding to it needs overwrite
        org.junit.jupiter.api.Assertions.assertThrows(org.spikescope.core.InputException.class,
                () -> GfrDataset.add(b, OutputTarget.of(file)));
        assertEquals(2, GfrDataset.add(b, new OutputTarget("output", file, true, List.of())));
        String after = java.nio.file.Files.readString(file);
        org.junit.jupiter.api.Assertions.assertTrue(after.contains("\"sweep_ids\"") && after.contains("\"fit_note\""),
                after);
        assertEquals(List.of(a.cellId(), b.cellId()), GfrDataset.read(file).stream().map(GfrCell::cellId).toList());
    }

    @Test
    void datasetRoundTripsAndSelects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gfr.json");
        GfrCell a = handCell();
        GfrCell b = new GfrCell("313861677", "Sst-IRES-Cre", 100, 20, Double.NaN, 0.4, 0.5, 0.6, new double[] {1},
                new double[] {0}, new double[] {1}, new GfrActivation(200, 0.05, new double[] {0.1, 1, 0.2}, -30, 20));
        GfrDataset.write(List.of(a, b), OutputTarget.of(file));
        List<GfrCell> back = GfrDataset.read(file);
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            GfrCell x = List.of(a, b).get(i);
            GfrCell y = back.get(i);
            assertEquals(x.cellId(), y.cellId());
            assertEquals(x.creLine(), y.creLine());
            assertEquals(x.binSize(), y.binSize());
            assertEquals(x.activationBinSize(), y.activationBinSize());
            assertEquals(x.valEvr(), y.valEvr());
            assertArrayEquals(x.alpha(), y.alpha(), 0);
            assertArrayEquals(x.beta(), y.beta(), 0);
            assertArrayEquals(x.lambda(), y.lambda(), 0);
            assertArrayEquals(x.activation().polyCoeff(), y.activation().polyCoeff(), 0);
            assertEquals(x.activation().threshold(), y.activation().threshold());
            assertEquals(x.activation().maxCurrent(), y.activation().maxCurrent());
        }
        assertTrue(Files.readString(file).contains("\"cell_id\" : 313861677"), "numeric ids stay numbers");
        assertEquals("313861677", GfrDataset.select(back, "313861677", 100, 20, file).cellId());
        InputException missing = assertThrows(InputException.class,
                () -> GfrDataset.select(back, "313861677", 20, 20, file));
        assertTrue(missing.getMessage().contains("bin_size 100 / actv_bin_size 20"), missing.getMessage());
        // the published filter: val_evr > 0.5, train_loss < 0.45, both sweeps scored
        assertEquals(List.of("42"), GfrDataset.published(back).stream().map(GfrCell::cellId).toList());
    }

    @Test
    void badEntriesNameTheEntryAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        String good = "{\"cell_id\": 1, \"cre-line\": \"x\", \"bin_size\": 20, \"actv_bin_size\": 20, \"val_evr\": 0.9, "
                + "\"test_evr\": 0.9, \"train_loss\": 0.1, \"test_loss\": 0.2, \"params\": {\"a\": [[1, 2]], "
                + "\"b\": [[0, 0]], \"ds\": [1, 0.5], \"bin_size\": 20, \"g\": {\"max_current\": [10], "
                + "\"max_firing_rate\": [0.1], \"poly_coeff\": [[0, 1]], \"b\": [0], \"bin_size\": 20}}}";
        Files.writeString(file, "[" + good + ", " + good.replace("\"cell_id\": 1", "\"cell_id\": 7")
                .replace("\"max_current\": [10], ", "") + "]");
        InputException e = assertThrows(InputException.class, () -> GfrDataset.read(file));
        assertTrue(e.getMessage().contains("entry 2 (cell 7)") && e.getMessage().contains("params.g.max_current"),
                e.getMessage());
        Files.writeString(file, "[" + good.replace("\"a\": [[1, 2]]", "\"a\": [[1, 2, 3]]") + "]");
        e = assertThrows(InputException.class, () -> GfrDataset.read(file));
        assertTrue(e.getMessage().contains("params.a") && e.getMessage().contains("got 3"), e.getMessage());
        Files.writeString(file, "{\"cell_id\": 1}");
        e = assertThrows(InputException.class, () -> GfrDataset.read(file));
        assertTrue(e.getMessage().contains("expected a JSON list"), e.getMessage());
        Files.writeString(file, "[" + good + "]");
        assertEquals(1, GfrDataset.read(file).size());
    }

    /** Poisson repeats of a GFR neuron's response to noise: its own rates explain them, shuffled rates do not. */
    @Test
    void theTrueModelsEvrIsFarAboveAShuffledModels() {
        double bin = 20;
        GfrCell cell = new GfrCell("1", "", bin, bin, 0, 0, 0, 0, new double[] {3, 0.3, 0.05}, new double[] {-0.0005, 0, 0},
                new double[] {1, 1 - Math.exp(-bin / 50), 1 - Math.exp(-bin / 200)},
                new GfrActivation(150, 0.15, new double[] {0.2, 1.2}, 20, bin));
        SplittableRandom rng = new SplittableRandom(3);
        double[] current = new double[500];
        double level = 0;
        for (int t = 0; t < current.length; t++) {
            level = 0.8 * level + 20 * rng.nextGaussian();
            current[t] = 60 + level;
        }
        double[] f = GfrSimulation.simulate(cell, current);
        double[][] repeats = new double[20][current.length];
        for (double[] r : repeats) {
            for (int t = 0; t < current.length; t++) {
                r[t] = SpikeTrains.poisson(f[t] * bin, rng) / bin;
            }
        }
        double[] shuffled = f.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double tmp = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = tmp;
        }
        double truth = ExplainedVariance.evr(repeats, f);
        double shuffle = ExplainedVariance.evr(repeats, shuffled);
        System.out.printf("EVR: true model %.3f, shuffled %.3f%n", truth, shuffle);
        // measured 0.898 and -0.016: the PSTH includes each repeat it is compared with, so the truth stays below 1
        assertTrue(truth > 0.8, "true model EVR " + truth);
        assertTrue(shuffle < 0.1, "shuffled EVR " + shuffle);
        assertEquals(1, ExplainedVariance.ev(f, f), 1e-12);
        assertTrue(Double.isNaN(ExplainedVariance.ev(new double[] {1, 1}, new double[] {2, 2})));
    }
}
