package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.plugin.frame.RoiManager;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.RoiSetFiles;
import org.spikescope.io.TraceTables;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.traces.TraceOutputs;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fiji's view of a pipeline bundle: the traces, spikes and per-cell tables (the per-cell table becomes the Results
 * table headless, for macros), the summary image with outlines coloured by spike rate, the ROI Manager and a raster
 * plot of every cell's spikes.
 */
public final class BundleDisplay {

    public static final String SPIKES_TABLE = "Spikes";

    private BundleDisplay() {
    }

    /** Shows the bundle; returns the summary image (null if the bundle has none). */
    public static ImagePlus show(Path bundle) throws IOException {
        Path spikesCsv = bundle.resolve(Pipeline.SPIKES_CSV);
        boolean gui = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
        if (Files.exists(spikesCsv)) {
            TraceSet spikes = TraceTables.read(spikesCsv);
            Tables.show(CellDisplay.TRACES_TABLE, TraceTables.toCsv(TraceTables.read(
                    bundle.resolve(TraceOutputs.TRACES_CSV))));
            Tables.show(SPIKES_TABLE, TraceTables.toCsv(spikes));
            if (gui) {
                raster(spikes).show();
                RoiManager manager = RoiManager.getRoiManager();
                manager.reset();
                RoiSetFiles.readRois(bundle.resolve(TraceOutputs.ROI_SET)).forEach(manager::addRoi);
            }
        }
        if (Files.exists(bundle.resolve(TraceOutputs.CELLS_CSV))) {
            Tables.show(CellDisplay.CELLS_TABLE, CsvTable.read(bundle.resolve(TraceOutputs.CELLS_CSV)));
        }
        Path png = bundle.resolve("summary.png");
        return Files.exists(png) ? IJ.openImage(png.toString()) : null;
    }

    /** One row per cell, a dot where it spiked. */
    static Plot raster(TraceSet spikes) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int c = 0; c < spikes.cells(); c++) {
            double[] s = spikes.values()[c];
            for (int t = 0; t < s.length; t++) {
                if (s[t] > 0) {
                    xs.add(spikes.time()[t]);
                    ys.add(c + 1.0);
                }
            }
        }
        Plot plot = new Plot("Spike raster", spikes.timeColumn(), "cell");
        plot.setColor(Color.BLACK);
        plot.add("dot", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        plot.setLimits(spikes.time()[0], spikes.time()[spikes.frames() - 1], 0, spikes.cells() + 1);
        return plot;
    }
}
