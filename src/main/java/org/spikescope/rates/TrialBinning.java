package org.spikescope.rates;

import org.spikescope.core.InputException;
import org.spikescope.core.SpikeTimes;
import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.io.CsvTable;

import java.util.Locale;

/**
 * Cuts spikes into trials and sums them into time bins (BlechRNN's preprocessing, before normalisation): each
 * trial's window runs from {@code fromMs} to {@code toMs} after its start, in bins of {@code binMs}; a last partial
 * bin is dropped. Spikes come as spike times, or as counts per imaging frame (the pipeline's spikes.csv), which
 * count at their frame's time.
 */
public final class TrialBinning {

    private TrialBinning() {
    }

    public static BinnedTrials fromTimes(SpikeTimes spikes, Trials trials, double fromMs, double toMs, double binMs) {
        int bins = bins(fromMs, toMs, binMs);
        // spike times tell only where the last spike is: a window starting after it lies past the recording
        double last = Double.NEGATIVE_INFINITY;
        for (double[] cell : spikes.seconds()) {
            last = cell.length > 0 ? Math.max(last, cell[cell.length - 1]) : last;
        }
        for (int k = 0; k < trials.count(); k++) {
            double from = trials.startSeconds()[k] + fromMs / 1000;
            if (from > last) {
                throw new InputException(String.format(Locale.ROOT, "parameter 'trials': trial '%s' starts its "
                        + "window at %.3f s, after the last spike (%.3f s): it lies outside the recording",
                        trials.ids().get(k), from, last));
            }
        }
        double[][][] counts = new double[trials.count()][bins][spikes.cells().size()];
        for (int n = 0; n < spikes.cells().size(); n++) {
            for (double t : spikes.seconds()[n]) {
                add(counts, trials, n, t, 1, fromMs, binMs, bins);
            }
        }
        return new BinnedTrials(trials, spikes.cells(), fromMs, binMs, counts);
    }

    /** @param spikes counts (or amplitudes) per frame, first column time_s */
    public static BinnedTrials fromCounts(TraceSet spikes, Trials trials, double fromMs, double toMs, double binMs) {
        if (!spikes.timeColumn().equals("time_s")) {
            throw new InputException("parameter 'spikes': the first column is '" + spikes.timeColumn()
                    + "'; trials need time_s");
        }
        int bins = bins(fromMs, toMs, binMs);
        double[] time = spikes.time();
        double frameMs = 1000 / spikes.frameRate(0);
        if (binMs < frameMs * 0.999) {
            throw new InputException("parameter 'binSize': " + CsvTable.format(binMs) + " ms is shorter than one "
                    + "imaging frame (" + CsvTable.format(Math.round(frameMs * 1000) / 1000.0) + " ms); bins must "
                    + "hold at least one frame");
        }
        double half = frameMs / 2000;
        for (int k = 0; k < trials.count(); k++) {
            double from = trials.startSeconds()[k] + fromMs / 1000;
            double to = trials.startSeconds()[k] + (fromMs + bins * binMs) / 1000;
            if (from < time[0] - half || to > time[time.length - 1] + half) {
                throw new InputException(String.format(Locale.ROOT, "parameter 'trials': trial '%s' needs %.3f to "
                                + "%.3f s, outside the recording: the spikes cover %.3f to %.3f s",
                        trials.ids().get(k), from, to,
                        time[0], time[time.length - 1]));
            }
        }
        double[][][] counts = new double[trials.count()][bins][spikes.cells()];
        for (int n = 0; n < spikes.cells(); n++) {
            double[] v = spikes.values()[n];
            for (int t = 0; t < time.length; t++) {
                if (v[t] != 0 && Double.isFinite(v[t])) {
                    add(counts, trials, n, time[t], v[t], fromMs, binMs, bins);
                }
            }
        }
        return new BinnedTrials(trials, spikes.names(), fromMs, binMs, counts);
    }

    private static int bins(double fromMs, double toMs, double binMs) {
        if (!(binMs > 0)) {
            throw new InputException("parameter 'binSize': must be positive (got " + binMs + " ms)");
        }
        if (!(toMs > fromMs)) {
            throw new InputException("parameter 'timeLims': the end (" + toMs + " ms) must come after the start ("
                    + fromMs + " ms)");
        }
        int bins = (int) Math.floor((toMs - fromMs) / binMs + 1e-9);
        if (bins < 1) {
            throw new InputException("parameter 'binSize': " + binMs + " ms is longer than the trial window ("
                    + (toMs - fromMs) + " ms)");
        }
        return bins;
    }

    /** Adds weight w at time t (s) to every trial whose window holds it (trials may overlap). */
    private static void add(double[][][] counts, Trials trials, int neuron, double t, double w, double fromMs,
                            double binMs, int bins) {
        for (int k = 0; k < trials.count(); k++) {
            double ms = (t - trials.startSeconds()[k]) * 1000 - fromMs;
            int b = (int) Math.floor(ms / binMs + 1e-9);
            if (ms >= -1e-9 && b < bins) {
                counts[k][Math.max(0, b)][neuron] += w;
            }
        }
    }
}
