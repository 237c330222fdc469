package org.spikescope.rates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;
import org.spikescope.core.SpikeTimes;
import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.io.CsvRows;
import org.spikescope.io.SpikeTimeTables;
import org.spikescope.io.TrialTables;
import org.spikescope.testing.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialBinningTest {

    @Test
    void spikeTimesFallIntoTheirTrialsBins() {
        Trials trials = new Trials(List.of("a", "b"), new double[]{10, 20}, List.of("sweet", "bitter"));
        SpikeTimes spikes = new SpikeTimes(List.of("n1", "n2"), new double[][]{
                {9.95, 10.0, 10.049, 10.05, 10.31, 20.2}, {20.0, 20.299}});
        // window -100 … 300 ms in 100 ms bins: 4 bins; 10.31 s lies past the window
        BinnedTrials b = TrialBinning.fromTimes(spikes, trials, -100, 300, 100);
        assertEquals(4, b.bins());
        assertArrayEquals(new double[]{1, 0}, b.counts()[0][0]);
        assertArrayEquals(new double[]{3, 0}, b.counts()[0][1]);
        assertArrayEquals(new double[]{0, 1}, b.counts()[1][1]);
        assertArrayEquals(new double[]{1, 1}, b.counts()[1][3]);
    }

    @Test
    void countsPerFrameAddUpInBinsOfWholeFramesAndBadWindowsAreNamed() {
        int n = 200;
        double[] time = new double[n];
        double[] counts = new double[n];
        for (int t = 0; t < n; t++) {
            time[t] = t / 20.0;
            counts[t] = t % 3;
        }
        TraceSet spikes = new TraceSet("time_s", time, List.of("cell_001"), new double[][]{counts});
        Trials trials = new Trials(List.of("1"), new double[]{2.0}, List.of("left"));
        BinnedTrials b = TrialBinning.fromCounts(spikes, trials, 0, 1000, 100);
        assertEquals(10, b.bins());
        for (int k = 0; k < 10; k++) {
            int first = 40 + 2 * k;
            assertEquals(first % 3 + (first + 1) % 3, b.counts()[0][k][0], 1e-12, "bin " + k);
        }
        InputException shortBins = assertThrows(InputException.class,
                () -> TrialBinning.fromCounts(spikes, trials, 0, 1000, 30));
        assertTrue(shortBins.getMessage().contains("parameter 'binSize'")
                && shortBins.getMessage().contains("50 ms"), shortBins.getMessage());
        Trials late = new Trials(List.of("7"), new double[]{9.5}, List.of("left"));
        InputException outside = assertThrows(InputException.class,
                () -> TrialBinning.fromCounts(spikes, late, 0, 1000, 100));
        assertTrue(outside.getMessage().contains("trial '7'"), outside.getMessage());
    }

    @Test
    void realSubthalamicTrialsKeepEverySpike(@TempDir Path dir) throws Exception {
        // one human STN neuron, 50 trials of 2 s around a GO cue (Kramer & Eden), laid out as a user's files:
        // spike times on one clock, and a trials table with the cue times and left/right labels
        CsvRows source = CsvRows.read(SharedData.require("spikes/kramer/stn_trials_spike_times.csv"));
        CsvRows summary = CsvRows.read(SharedData.require("spikes/kramer/stn_trials_summary.csv"));
        List<String> spikeRows = new ArrayList<>(List.of("cell,time_s"));
        for (int r = 0; r < source.rows().size(); r++) {
            double start = 5.0 * source.number(r, 0) + 2;
            spikeRows.add("stn," + (start + source.number(r, 2) / 1000));
        }
        List<String> trialRows = new ArrayList<>(List.of("trial,start_s,label"));
        for (int r = 0; r < summary.rows().size(); r++) {
            trialRows.add((int) summary.number(r, 0) + "," + (5.0 * summary.number(r, 0) + 2) + ","
                    + (summary.number(r, 1) == 0 ? "left" : "right"));
        }
        Path spikesCsv = Files.write(dir.resolve("spikes.csv"), spikeRows);
        Path trialsCsv = Files.write(dir.resolve("trials.csv"), trialRows);

        Trials trials = TrialTables.read(trialsCsv);
        BinnedTrials b = TrialBinning.fromTimes(SpikeTimeTables.read(spikesCsv), trials, -1000, 1000, 50);
        assertEquals(50, trials.count());
        assertEquals(List.of("left", "right"), trials.conditions());
        assertEquals(40, b.bins());
        for (int k = 0; k < 50; k++) {
            double total = 0;
            for (double[] bin : b.counts()[k]) {
                total += bin[0];
            }
            assertEquals(summary.number(k, 2), total, 1e-9, "trial " + k);
        }
    }

    @Test
    void trialTablesNameWhatIsWrong(@TempDir Path dir) throws Exception {
        Path twice = Files.writeString(dir.resolve("t.csv"), "trial,start_s,label\n1,0.5,a\n1,2.5,b\n");
        InputException e = assertThrows(InputException.class, () -> TrialTables.read(twice));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("appears twice"), e.getMessage());
        Path noLabel = Files.writeString(dir.resolve("u.csv"), "trial,start_s\n1,0.5\n");
        e = assertThrows(InputException.class, () -> TrialTables.read(noLabel));
        assertTrue(e.getMessage().contains("no column 'label'"), e.getMessage());
    }
}
