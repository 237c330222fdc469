package org.spikescope.traces;

import org.spikescope.core.Footprint;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.TraceSet;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.RoiSetFiles;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files every run that measures cells writes: {@value #TRACES_CSV} (ΔF/F), {@value #RAW_CSV} (background
 * removed, footprint-pixel units), {@value #ROI_SET} (outlines), and the footprints and traces in results.h5.
 * Each file is written atomically.
 */
public final class TraceOutputs {

    public static final String TRACES_CSV = "traces.csv";
    public static final String RAW_CSV = "traces_raw.csv";
    public static final String ROI_SET = "RoiSet.zip";
    public static final String RESULTS_H5 = "results.h5";

    private TraceOutputs() {
    }

    public static TraceSet table(double[][] values, FrameTimes times) {
        return new TraceSet("time_s", times.toArray(), TraceTables.cellNames(values.length), values);
    }

    public static void writeFiles(Path folder, List<Footprint> footprints, CellTraces traces, double[][] dff,
                                  FrameTimes times) throws IOException {
        TraceTables.write(table(dff, times), folder.resolve(TRACES_CSV));
        TraceTables.write(table(traces.raw(), times), folder.resolve(RAW_CSV));
        RoiSetFiles.write(footprints, TraceTables.cellNames(footprints.size()), folder.resolve(ROI_SET));
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
