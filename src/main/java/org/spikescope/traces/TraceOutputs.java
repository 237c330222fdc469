package org.spikescope.traces;

import org.spikescope.cells.CellTraces;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files every run that measures cells writes: {@value #TRACES_CSV} (ΔF/F), {@value #RAW_CSV} (background
 * removed, footprint-pixel units), {@value #ROI_SET} (outlines), {@value #CELLS_CSV} (where each cell is), and the
 * footprints and traces in results.h5.
 * Each file is written atomically.
 */
public final class TraceOutputs {

    public static final String TRACES_CSV = "traces.csv";
    public static final String RAW_CSV = "traces_raw.csv";
    public static final String ROI_SET = "RoiSet.zip";
    public static final String RESULTS_H5 = "results.h5";
    public static final String CELLS_CSV = "cells.csv";

    private TraceOutputs() {
    }

    public static TraceSet table(double[][] values, FrameTimes times) {
        return new TraceSet("time_s", times.toArray(), TraceTables.cellNames(values.length), values);
    }

    public static void writeFiles(Path folder, List<Footprint> footprints, CellTraces traces, double[][] dff,
                                  FrameTimes times) throws IOException {
        TraceTables.write(table(dff, times), folder.resolve(TRACES_CSV));
        TraceTables.write(table(traces.raw(), times), folder.resolve(RAW_CSV));
        ImageJFormats.get().writeRoiSet(footprints, TraceTables.cellNames(footprints.size()), folder.resolve(ROI_SET));
        cellsTable(footprints).write(folder.resolve(CELLS_CSV));
    }

    /** cell (1, 2, …), x, y (weighted centre, px), area_px (pixels inside the outline) — one row per cell. */
    public static CsvTable cellsTable(List<Footprint> footprints) {
        int n = footprints.size();
        double[][] columns = new double[4][n];
        for (int i = 0; i < n; i++) {
            Footprint f = footprints.get(i);
            double[] c = f.centre();
            columns[0][i] = i + 1;
            columns[1][i] = c[0];
            columns[2][i] = c[1];
            columns[3][i] = f.outlineArea();
        }
        return new CsvTable(List.of("cell", "x", "y", "area_px"), columns);
    }

    /**
     * /footprints (cells × height × width, float32, one compressed chunk per cell), /traces/raw, /traces/dff,
     * /traces/background (cells × frames) and /movie/frame_times. jHDF cannot store empty arrays, so with no cells
     * only the count is recorded.
     */
    public static ResultsH5 addTo(ResultsH5 h5, List<Footprint> footprints, CellTraces traces, double[][] dff,
                                  int width, int height, FrameTimes times) {
        h5.dataset("/movie/frame_times", times.toArray()).attribute("/traces", "cells", footprints.size());
        if (footprints.isEmpty()) {
            return h5;
        }
        return h5.compressedDataset("/footprints", FootprintArrays.dense(footprints, width, height), 1, height, width)
                .attribute("/footprints", "layout", "cells x height x width, peak 1")
                .dataset("/traces/raw", traces.raw())
                .dataset("/traces/dff", dff)
                .dataset("/traces/background", traces.background())
                .attribute("/traces", "units", "raw and background: fluorescence of a footprint pixel of weight 1 "
                        + "(camera counts); dff: (raw - F0) / (F0 + background F0)");
    }
}
