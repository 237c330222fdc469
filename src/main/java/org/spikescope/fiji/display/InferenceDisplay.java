package org.spikescope.fiji.display;

import ij.IJ;
import ij.gui.Plot;
import org.spikescope.core.TraceSet;
import org.spikescope.io.TraceTables;
import org.spikescope.spikes.learned.InferenceOutputs;
import org.spikescope.spikes.learned.ShippedModels;
import org.spikescope.spikes.learned.SpikeInference;

import java.awt.Color;
import java.awt.GraphicsEnvironment;

/** Fiji's view of learned spike inference: spike-rate, event and parameter tables, one cell's trace and rate. */
public final class InferenceDisplay {

    private InferenceDisplay() {
    }

    public static void show(TraceSet traces, SpikeInference.Cell[] cells, double frameRate,
                            ShippedModels.Chosen chosen, String plotCell) {
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        double[][] events = InferenceOutputs.events(traces, cells, frameRate);
        Tables.show("Spike Rates", TraceTables.toCsv(InferenceOutputs.spikes(traces, cells)));
        Tables.show("Spike Events", InferenceOutputs.eventTable(traces, cells, events));
        Tables.show("Spike Inference Parameters", InferenceOutputs.parameters(cells, events, chosen.model(),
                chosen.name()));
        int cell = plotCell == null || plotCell.isBlank() ? 0 : traces.names().indexOf(plotCell);
        if (cell >= 0 && cell < cells.length) {
            plot(traces, cells[cell], cell).show();
        }
    }

    static Plot plot(TraceSet traces, SpikeInference.Cell c, int cell) {
        double[] time = traces.time();
        double[] trace = traces.values()[cell];
        double max = 0;
        double rateMax = 0;
        for (int t = 0; t < time.length; t++) {
            max = Math.max(max, Double.isNaN(trace[t]) ? 0 : trace[t]);
            rateMax = Math.max(rateMax, Double.isNaN(c.spikes()[t]) ? 0 : c.spikes()[t]);
        }
        double[] rate = new double[time.length];
        for (int t = 0; t < time.length; t++) {
            // the rate hangs below the trace, scaled to a fifth of its range
            rate[t] = rateMax > 0 ? -0.2 * max * c.spikes()[t] / rateMax : 0;
        }
        Plot plot = new Plot(c.name() + (c.ok() ? "" : " (" + c.error() + ")"), traces.timeColumn(), "ΔF/F");
        plot.setColor(Color.GRAY);
        plot.add("line", time, trace);
        plot.setColor(Color.RED);
        plot.add("line", time, rate);
        plot.setLegend("trace\texpected spikes (scaled)", Plot.AUTO_POSITION);
        return plot;
    }
}
