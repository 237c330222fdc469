package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.export.OutlineImage;
import org.spikescope.export.RoiSetFiles;
import org.spikescope.io.TraceTables;
import org.spikescope.motion.MotionOutputs;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.spikes.SpikeEvents;
import org.spikescope.traces.TraceOutputs;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fiji's view of a pipeline bundle: the traces, spikes and per-cell tables (the per-cell table becomes the Results
 * table headless, for macros), the summary image with outlines coloured by spike rate, the corrected movie with the
 * same outlines as an overlay, the ROI Manager and a raster plot of every cell's spikes.
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
                List<Roi> rois = RoiSetFiles.readRois(bundle.resolve(TraceOutputs.ROI_SET));
                RoiManager manager = RoiManager.getRoiManager();
                manager.reset();
                rois.forEach(manager::addRoi);
                Path movie = bundle.resolve(MotionOutputs.CORRECTED_TIFF);
                if (Files.exists(movie) && Files.exists(bundle.resolve(TraceOutputs.CELLS_CSV))) {
                    double[] rates = CsvTable.read(bundle.resolve(TraceOutputs.CELLS_CSV)).column("spike_rate_hz");
                    ImagePlus imp = FrameSourceStack.imagePlus("motion corrected, cells coloured by spike rate",
                            TiffStackReader.open(movie, 1 / (spikes.time()[1] - spikes.time()[0])));
                    imp.setOverlay(overlay(rois, rates, imp.getHeight()));
                    imp.show();
                }
                CellPlotOnSelection.install(bundle);
            }
        }
        if (Files.exists(bundle.resolve(TraceOutputs.CELLS_CSV))) {
            Tables.show(CellDisplay.CELLS_TABLE, CsvTable.read(bundle.resolve(TraceOutputs.CELLS_CSV)));
        }
        Path png = bundle.resolve("summary.png");
        return Files.exists(png) ? IJ.openImage(png.toString()) : null;
    }

    /** Outlines coloured by spike rate (blue slow, red fast), numbered. */
    static Overlay overlay(List<Roi> rois, double[] rates, int height) {
        double max = 0;
        for (double r : rates) {
            max = Double.isFinite(r) ? Math.max(max, r) : max;
        }
        Overlay overlay = new Overlay();
        for (int i = 0; i < rois.size(); i++) {
            Roi roi = (Roi) rois.get(i).clone();
            Color colour = OutlineImage.colourOf(max > 0 && i < rates.length ? rates[i] / max : 0);
            roi.setStrokeColor(colour);
            overlay.add(roi);
            java.awt.Rectangle b = roi.getBounds();
            TextRoi label = new TextRoi(b.x + b.width / 2.0 - 3, b.y + b.height / 2.0 - 6,
                    TraceTables.cellLabel(roi.getName(), i), new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            label.setStrokeColor(colour);
            overlay.add(label);
        }
        overlay.add(colourBar(max, height));
        return overlay;
    }

    /** A small blue-to-red bar in the bottom-left corner, labelled 0 and the largest rate. */
    static ImageRoi colourBar(double max, int height) {
        int w = 60;
        int h = 14;
        ColorProcessor bar = new ColorProcessor(w, h);
        for (int x = 0; x < w; x++) {
            bar.setColor(OutlineImage.colourOf((double) x / (w - 1)));
            bar.drawLine(x, 0, x, 4);
        }
        bar.setColor(Color.WHITE);
        bar.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        bar.drawString("0", 0, h);
        String top = String.format(java.util.Locale.ROOT, "%.2g Hz", max);
        bar.drawString(top, w - bar.getStringWidth(top), h);
        ImageRoi roi = new ImageRoi(2, Math.max(0, height - h - 2), bar);
        roi.setZeroTransparent(true);
        return roi;
    }

    /** One row per cell, a tick at each spike ({@link SpikeEvents#frames}). */
    static Plot raster(TraceSet spikes) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int c = 0; c < spikes.cells(); c++) {
            for (int t : SpikeEvents.frames(spikes.values()[c])) {
                xs.add(spikes.time()[t]);
                ys.add(c + 1.0);
            }
        }
        Plot plot = new Plot("Spike raster", spikes.timeColumn(), "cell");
        plot.setColor(Color.BLACK);
        plot.add("cross", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        plot.setLimits(spikes.time()[0], spikes.time()[spikes.frames() - 1], 0, spikes.cells() + 1);
        return plot;
    }
}
