package org.spikescope.pipeline;

import org.spikescope.core.Footprint;
import org.spikescope.io.CsvTable;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.SpikeEvents;
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

    /** Spikes per second ({@link SpikeEvents#count}). */
    static double[] spikeRates(CellResult[] spikes, double seconds) {
        double[] rate = new double[spikes.length];
        for (int c = 0; c < spikes.length; c++) {
            rate[c] = seconds > 0 ? SpikeEvents.count(spikes[c].spikes()) / seconds : Double.NaN;
        }
        return rate;
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
