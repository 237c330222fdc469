package org.spikescope.fiji.display;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.gui.Roi;
import ij.gui.RoiListener;
import ij.IJ;
import org.spikescope.core.TraceSet;
import org.spikescope.io.TraceTables;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.spikes.DeconvolutionOutputs;
import org.spikescope.traces.TraceOutputs;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Selecting a cell (its outline, from the ROI Manager or the overlay) shows its ΔF/F trace, denoised calcium and
 * spikes in one plot window, updated as the selection changes.
 */
final class CellPlotOnSelection implements RoiListener {

    private static CellPlotOnSelection current;

    private final TraceSet traces;
    private final TraceSet calcium;
    private final TraceSet spikes;
    private PlotWindow window;
    private String shown;

    private CellPlotOnSelection(TraceSet traces, TraceSet calcium, TraceSet spikes) {
        this.traces = traces;
        this.calcium = calcium;
        this.spikes = spikes;
    }

    /** Listens to selections for this bundle (replacing the listener of an earlier bundle). */
    static synchronized void install(Path bundle) throws IOException {
        if (current != null) {
            Roi.removeRoiListener(current);
        }
        Path spikesCsv = bundle.resolve(Pipeline.SPIKES_CSV);
        current = new CellPlotOnSelection(TraceTables.read(bundle.resolve(TraceOutputs.TRACES_CSV)),
                TraceTables.read(DeconvolutionOutputs.sibling(spikesCsv, "calcium")), TraceTables.read(spikesCsv));
        Roi.addRoiListener(current);
    }

    @Override
    public void roiModified(ImagePlus imp, int id) {
        Roi roi = imp == null ? null : imp.getRoi();
        if (roi == null || roi.getName() == null || id == RoiListener.DELETED) {
            return;
        }
        int cell = traces.names().indexOf(roi.getName());
        if (cell < 0 || roi.getName().equals(shown)) {
            return;
        }
        shown = roi.getName();
        Plot plot = plot(cell);
        if (window != null && window.isShowing()) {
            window.drawPlot(plot);
        } else {
            window = plot.show();
        }
        IJ.showStatus(roi.getName() + ": trace, denoised calcium and spikes");
    }

    Plot plot(int cell) {
        double[] time = traces.time();
        double[] s = spikes.values()[cell];
        double max = 0;
        for (double v : traces.values()[cell]) {
            max = Double.isFinite(v) ? Math.max(max, v) : max;
        }
        double spikeMax = 0;
        for (double v : s) {
            spikeMax = Math.max(spikeMax, v);
        }
        double[] bars = new double[s.length];
        for (int t = 0; t < s.length; t++) {
            // spikes hang below the trace, scaled to a fifth of its range
            bars[t] = spikeMax > 0 ? -0.2 * max * s[t] / spikeMax : 0;
        }
        Plot plot = new Plot(traces.names().get(cell), traces.timeColumn(), "ΔF/F");
        plot.setColor(Color.GRAY);
        plot.add("line", time, traces.values()[cell]);
        plot.setColor(Color.BLUE);
        plot.add("line", time, calcium.values()[cell]);
        plot.setColor(Color.RED);
        plot.add("separated bar", time, bars);
        plot.setLegend("ΔF/F\tdenoised calcium\tspikes", Plot.AUTO_POSITION);
        return plot;
    }
}
