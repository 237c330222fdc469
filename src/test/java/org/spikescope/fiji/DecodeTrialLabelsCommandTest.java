package org.spikescope.fiji;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.CsvRows;
import org.spikescope.io.ResultsH5;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.KramerStnTrials;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Decode Trial Labels" through the headless launcher: Kramer's STN trials and an HDF5 input. */
class DecodeTrialLabelsCommandTest {

    /** Left or right from a single subthalamic neuron (Kramer & Eden, ch. 9): spikes in 100 ms bins around the cue. */
    @Test
    void kramerDirectionFromOneNeuron(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(KramerStnTrials.available(), "no " + KramerStnTrials.SOURCE + ": skipped");
        KramerStnTrials.Written stn = KramerStnTrials.write(dir);
        Path s = stn.spikes();
        Path t = stn.trials();
        Path out = dir.resolve("decoding.csv");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Decode Trial Labels", "input='" + s
                + "',trials='" + t + "',timeLims='0,2000',binSize=100,folds=5,shuffleFolds=true,permutations=50,"
                + "output='" + out + "'");
        assertEquals(0, run.code(), run.err());
        CsvRows table = CsvRows.read(out);
        assertEquals(List.of("decoder", "accuracy", "balanced_accuracy", "chance", "p_value"), table.header());
        double balanced = table.number(0, 2);
        System.out.printf(Locale.ROOT, "Kramer STN direction: balanced accuracy %.3f, chance %.3f, p %.3f%n",
                balanced, table.number(0, 3), table.number(0, 4));
        assertEquals(0.5, table.number(0, 3), 0.1);
        // measured 0.980 (p 0.020, the smallest 50 permutations give): the neuron fires far more in one direction
        assertTrue(balanced > 0.8 && table.number(0, 4) < 0.05, "balanced accuracy " + balanced);
        CsvRows confusion = CsvRows.read(dir.resolve("decoding_confusion_logistic.csv"));
        assertEquals(List.of("true_label", "left", "right"), confusion.header());
        double total = 0;
        for (int r = 0; r < 2; r++) {
            total += confusion.number(r, 1) + confusion.number(r, 2);
        }
        assertEquals(50, total, 0);
    }

    @Test
    void hdf5TrialsByNeuronsByBinsWithNamedDatasets(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        double[][][] activity = new double[60][6][5];
        long[] labels = new long[60];
        for (int k = 0; k < 60; k++) {
            labels[k] = k % 2;
            for (int j = 0; j < 6; j++) {
                for (int b = 0; b < 5; b++) {
                    activity[k][j][b] = rng.nextGaussian() + (labels[k] == 1 && j < 2 ? 1.2 : 0);
                }
            }
        }
        Path h5 = dir.resolve("trials.h5");
        new ResultsH5().dataset("/activity", activity).dataset("/labels", labels).write(h5);
        Path out = dir.resolve("h5 decoding.csv");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Decode Trial Labels", "input='" + h5
                + "',spikesDataset=/activity,labelsDataset=/labels,permutations=20,output='" + out + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(CsvRows.read(out).number(0, 2) > 0.8, "two neurons carry the label clearly");

        HeadlessRuns.Run missing = HeadlessRuns.launch("--headless", "--run", "Decode Trial Labels", "input='" + h5
                + "',spikesDataset=/spikes,labelsDataset=/labels,output='" + out + "'");
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("no dataset '/spikes'"), missing.err());
    }
}
