package org.spikescope.pipeline;

import org.spikescope.core.Footprint;
import org.spikescope.io.CsvTable;
import org.spikescope.traces.TraceOutputs;

import java.util.ArrayList;
import java.util.List;

/**
 * One row per cell: where it is (cell, x, y, area_px), how clean its spikes are (snr: median spike size over the
 * trace's noise; NaN for the learned method) and how often it fires (spike_rate_hz, {@link #spikeRates}).
 */
final class CellSummary {

    private CellSummary() {
    }

    /** Spikes per second from each cell's spike count. */
    static double[] spikeRates(double[] spikes, double seconds) {
        double[] rate = new double[spikes.length];
        for (int c = 0; c < spikes.length; c++) {
            rate[c] = seconds > 0 ? spikes[c] / seconds : Double.NaN;
        }
        return rate;
    }

    static CsvTable table(List<Footprint> footprints, double[] snr, double[] rates) {
        CsvTable where = TraceOutputs.cellsTable(footprints);
        List<String> header = new ArrayList<>(where.header());
        header.add("snr");
        header.add("spike_rate_hz");
        double[][] columns = new double[header.size()][];
        System.arraycopy(where.columns(), 0, columns, 0, where.columns().length);
        columns[where.columns().length] = snr;
        columns[where.columns().length + 1] = rates;
        return new CsvTable(header, columns);
    }
}
