package org.spikescope.rates;

import org.spikescope.core.InputException;
import org.spikescope.core.SpikeTimes;
import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.io.CsvRows;
import org.spikescope.io.SpikeTimeTables;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A spikes file as the rate and decoding commands take it: spike times ({@code cell,time_s}) or counts per frame
 * ({@code time_s}, then one column per cell: the pipeline's spikes.csv), told apart by the header.
 *
 * @param times  the spike times, or null
 * @param counts the counts per frame, or null
 */
public record SpikeFiles(SpikeTimes times, TraceSet counts) {

    public static SpikeFiles read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InputException("parameter 'spikes': " + file + ": no such file");
        }
        boolean times = CsvRows.readHeader(file).containsAll(java.util.List.of("cell", "time_s"));
        return times ? new SpikeFiles(SpikeTimeTables.read(file), null) : new SpikeFiles(null, TraceTables.read(file));
    }

    /** Each trial's window (ms from its start) in bins. */
    public BinnedTrials bin(Trials trials, double fromMs, double toMs, double binMs) {
        return times != null ? TrialBinning.fromTimes(times, trials, fromMs, toMs, binMs)
                : TrialBinning.fromCounts(counts, trials, fromMs, toMs, binMs);
    }

    /** The last spike's time, or the last frame's, seconds. */
    public double endSeconds() {
        if (counts != null) {
            return counts.time()[counts.time().length - 1];
        }
        double end = 0;
        for (double[] s : times.seconds()) {
            if (s.length > 0) {
                end = Math.max(end, s[s.length - 1]);
            }
        }
        return end;
    }
}
