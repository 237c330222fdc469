package org.spikescope.pipeline;

import org.spikescope.core.Footprint;
import org.spikescope.io.CsvTable;
import org.spikescope.spikes.CellResult;
import org.spikescope.traces.TraceOutputs;

import java.util.ArrayList;
import java.util.List;

/**
 * One row per cell: where it is (cell, x, y, area_px), how clean its spikes are (snr: median spike size over the
 * trace's noise) and how often it fires (spike_rate_hz, {@link #spikeRates}).
 */
final class CellSummary {

    private CellSummary() {
    }

    /**
     * Spikes per second: the deconvolved amplitudes (ΔF/F) summed and divided by the size of one spike, taken as
     * the median summed amplitude of the runs of consecutive frames with a spike (one spike spreads over a frame or
     * two; runs under a tenth of the largest are noise and left out).
     */
    static double[] spikeRates(CellResult[] spikes, double seconds) {
        double[] rate = new double[spikes.length];
        for (int c = 0; c < spikes.length; c++) {
            rate[c] = seconds > 0 ? estimatedSpikes(spikes[c].spikes()) / seconds : Double.NaN;
        }
        return rate;
    }

    static double estimatedSpikes(double[] s) {
        List<Double> runs = new ArrayList<>();
        double run = 0;
        double total = 0;
        for (double v : s) {
            if (v > 0) {
                run += v;
                total += v;
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        if (run > 0) {
            runs.add(run);
        }
        double largest = runs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] kept = runs.stream().mapToDouble(Double::doubleValue).filter(v -> v >= 0.1 * largest).sorted()
                .toArray();
        if (kept.length == 0) {
            return 0;
        }
        double unit = kept.length % 2 == 1 ? kept[kept.length / 2]
                : (kept[kept.length / 2 - 1] + kept[kept.length / 2]) / 2;
        return total / unit;
    }

    static CsvTable table(List<Footprint> footprints, CellResult[] spikes, double[] rates) {
        CsvTable where = TraceOutputs.cellsTable(footprints);
        List<String> header = new ArrayList<>(where.header());
        header.add("snr");
        header.add("spike_rate_hz");
        double[][] columns = new double[header.size()][];
        System.arraycopy(where.columns(), 0, columns, 0, where.columns().length);
        double[] snr = new double[spikes.length];
        for (int c = 0; c < spikes.length; c++) {
            snr[c] = spikes[c].snr();
        }
        columns[where.columns().length] = snr;
        columns[where.columns().length + 1] = rates;
        return new CsvTable(header, columns);
    }
}
