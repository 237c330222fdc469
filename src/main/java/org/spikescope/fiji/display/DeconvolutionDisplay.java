package org.spikescope.fiji.display;

import ij.IJ;
import ij.gui.Plot;
import org.spikescope.core.TraceSet;
import org.spikescope.io.TraceTables;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.DeconvolutionOutputs;

import java.awt.Color;
import java.awt.GraphicsEnvironment;

/** Fiji's view of a deconvolution: spikes, calcium and parameter tables, and one cell's trace, fit and spikes. */
public final class DeconvolutionDisplay {

    private DeconvolutionDisplay() {
    }

    public static void show(TraceSet traces, CellResult[] results, double frameRate, String plotCell) {
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        Tables.show("Spikes", TraceTables.toCsv(DeconvolutionOutputs.spikes(traces, results)));
        Tables.show("Denoised Calcium", TraceTables.toCsv(DeconvolutionOutputs.calcium(traces, results)));
        Tables.show("Deconvolution Parameters", DeconvolutionOutputs.parameters(results, frameRate));
        int cell = plotCell == null || plotCell.isBlank() ? 0 : traces.names().indexOf(plotCell);
        if (cell >= 0 && cell < results.length) {
            plot(traces, results[cell], cell).show();
        }
    }

    static Plot plot(TraceSet traces, CellResult r, int cell) {
        double[] time = traces.time();
        double[] trace = traces.values()[cell];
        double[] fit = new double[time.length];
        double[] spikes = new double[time.length];
        double max = 0;
        for (int t = 0; t < time.length; t++) {
            fit[t] = r.calcium()[t] + r.baseline()[t];
            max = Math.max(max, Double.isNaN(trace[t]) ? 0 : trace[t]);
        }
        double spikeMax = 0;
        for (double s : r.spikes()) {
            spikeMax = Math.max(spikeMax, Double.isNaN(s) ? 0 : s);
        }
        for (int t = 0; t < time.length; t++) {
            // spikes hang below the trace, scaled to a fifth of its range
            spikes[t] = spikeMax > 0 ? -0.2 * max * r.spikes()[t] / spikeMax : 0;
        }
        Plot plot = new Plot(r.name() + (r.ok() ? "" : " (" + r.error() + ")"), traces.timeColumn(), "ΔF/F");
        plot.setColor(Color.GRAY);
        plot.add("line", time, trace);
        plot.setColor(Color.BLUE);
        plot.add("line", time, fit);
        plot.setColor(Color.RED);
        plot.add("separated bar", time, spikes);
        plot.setLegend("trace\tfit\tspikes", Plot.AUTO_POSITION);
        return plot;
    }
}
