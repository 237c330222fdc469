package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.frame.RoiManager;
import ij.process.FloatProcessor;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameTimes;
import org.spikescope.export.RoiSetFiles;
import org.spikescope.io.TraceTables;
import org.spikescope.traces.TraceOutputs;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * Fiji's view of the cells found or measured: a summary image (e.g. the correlation image) with the outlines and
 * numbers as an overlay, the outlines in the ROI Manager, the ΔF/F traces table and a per-cell table.
 */
public final class CellDisplay {

    public static final String TRACES_TABLE = "Cell Traces";
    public static final String CELLS_TABLE = "Cells";

    private CellDisplay() {
    }

    /** The image with one outline and number per cell as an overlay (cells in the order of the traces). */
    public static ImagePlus withOutlines(String title, float[] image, int width, int height,
                                         List<Footprint> footprints) {
        ImagePlus imp = new ImagePlus(title, new FloatProcessor(width, height, image.clone()));
        imp.getProcessor().resetMinAndMax();
        Overlay overlay = new Overlay();
        List<String> names = TraceTables.cellNames(footprints.size());
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, width / 40));
        for (int i = 0; i < footprints.size(); i++) {
            Roi outline = RoiSetFiles.outline(footprints.get(i), names.get(i));
            outline.setStrokeColor(Color.YELLOW);
            overlay.add(outline);
            double[] c = footprints.get(i).centre();
            TextRoi label = new TextRoi(c[0] - 3, c[1] - 6, String.valueOf(i + 1), font);
            label.setStrokeColor(Color.CYAN);
            overlay.add(label);
        }
        imp.setOverlay(overlay);
        return imp;
    }

    /** Tables (the traces become the Results table headless, for macros); in Fiji also the ROI Manager. */
    public static void show(List<Footprint> footprints, double[][] dff, FrameTimes times) {
        Tables.show(CELLS_TABLE, TraceOutputs.cellsTable(footprints));
        Tables.show(TRACES_TABLE, TraceTables.toCsv(TraceOutputs.table(dff, times)));
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        RoiManager manager = RoiManager.getRoiManager();
        manager.reset();
        List<String> names = TraceTables.cellNames(footprints.size());
        List<Roi> rois = new ArrayList<>();
        for (int i = 0; i < footprints.size(); i++) {
            rois.add(RoiSetFiles.outline(footprints.get(i), names.get(i)));
        }
        for (Roi roi : rois) {
            manager.addRoi(roi);
        }
    }
}
