package org.spikescope.testing;

import org.spikescope.io.CsvRows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kramer & Eden's subthalamic neuron (../shared/data/spikes/kramer: 50 trials of 2 s around a GO cue, left or right)
 * as SpikeScope's inputs: spike times {@code stn,time_s} and trials {@code trial,start_s,label}, trial k starting at
 * 3k s, so that 0–2000 ms from a trial's start covers −1 … 1 s around its cue.
 */
public final class KramerStnTrials {

    public static final Path SOURCE = Path.of("../shared/data/spikes/kramer/stn_trials_spike_times.csv");

    private KramerStnTrials() {
    }

    /** The two files written into {@code dir}, and the number of spikes. */
    public record Written(Path spikes, Path trials, int spikeCount) {
    }

    public static boolean available() {
        return Files.isRegularFile(SOURCE);
    }

    public static Written write(Path dir) throws IOException {
        CsvRows in = CsvRows.read(SOURCE);
        List<String> spikes = new ArrayList<>(List.of("cell,time_s"));
        List<String> trials = new ArrayList<>(List.of("trial,start_s,label"));
        List<Integer> seen = new ArrayList<>();
        for (int r = 0; r < in.rows().size(); r++) {
            int trial = (int) in.number(r, 0);
            double start = 3.0 * trial;
            if (!seen.contains(trial)) {
                seen.add(trial);
                trials.add(trial + "," + start + "," + (in.number(r, 1) == 0 ? "left" : "right"));
            }
            spikes.add(String.format(Locale.ROOT, "stn,%.4f", start + 1 + in.number(r, 2) / 1000));
        }
        Path s = dir.resolve("stn_spikes.csv");
        Path t = dir.resolve("stn_trials.csv");
        Files.write(s, spikes);
        Files.write(t, trials);
        return new Written(s, t, in.rows().size());
    }
}
