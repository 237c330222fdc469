package org.spikescope.fiji.display;

import ij.IJ;
import ij.gui.Plot;
import org.spikescope.io.CsvTable;
import org.spikescope.motion.MotionResult;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.util.List;

/** Fiji's view of motion correction: the shifts table and a plot of the shifts over time. */
public final class MotionDisplay {

    public static final String TABLE = "Motion Shifts";

    private MotionDisplay() {
    }

    /** frame, x, y per frame (patch shifts stay in the CSV and HDF5 files). */
    public static CsvTable shiftsTable(MotionResult r) {
        double[] frame = new double[r.frames()];
        for (int t = 0; t < frame.length; t++) {
            frame[t] = t;
        }
        return new CsvTable(List.of("frame", "x", "y"), new double[][]{frame, r.x(), r.y()});
    }

    public static void show(MotionResult r) {
        Tables.show(TABLE, shiftsTable(r));
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        plot(r).show();
    }

    static Plot plot(MotionResult r) {
        CsvTable t = shiftsTable(r);
        Plot plot = new Plot("Motion shifts (" + r.settings().mode() + ")", "frame", "shift (px)");
        plot.setColor(Color.RED);
        plot.add("line", t.column("frame"), r.x());
        plot.setColor(Color.BLUE);
        plot.add("line", t.column("frame"), r.y());
        plot.setLegend("x (right)\ty (down)", Plot.AUTO_POSITION);
        return plot;
    }
}
