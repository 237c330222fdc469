package org.spikescope.register;

import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;
import org.spikescope.traces.TraceExtractionRun;
import org.spikescope.traces.TraceOutputs;
import org.spikescope.traces.TraceSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every registered cell measured in one session's movie (longitudinal traces): the same columns, cell_001 … for
 * registered cells 1 …, in every session's tables, so that a cell's activity is followed across days. A cell the
 * registration did not find in this session is measured with its footprint carried over from another session; a
 * cell carried outside this session's image gets NaN.
 */
public final class LongitudinalTraces {

    private LongitudinalTraces() {
    }

    /** ΔF/F and raw traces of every registered cell (rows of NaN for cells outside the session's image). */
    public record Result(double[][] dff, double[][] raw, RegisteredFootprints cells) {
    }

    public static Result toFolder(FrameSource movie, RegisteredFootprints cells, TraceSettings settings,
                                  Set<Integer> excluded, OutputTarget output, ProgressListener progress)
            throws IOException {
        List<Footprint> inside = new ArrayList<>();
        List<Integer> measured = new ArrayList<>();
        for (int c = 0; c < cells.registered().size(); c++) {
            if (cells.registered().get(c) != null) {
                inside.add(cells.registered().get(c));
                measured.add(c);
            }
        }
        if (inside.isEmpty()) {
            throw new InputException("parameter 'registration': no registered cell lies inside this session's image");
        }
        try (OutputFolder folder = OutputFolder.bundle(output, "traces")) {
            TraceExtractionRun run = TraceExtractionRun.inMemory(movie, inside, settings, excluded, progress);
            int n = cells.registered().size();
            double[][] dff = new double[n][];
            double[][] raw = new double[n][];
            double[] missing = new double[run.dff()[0].length];
            Arrays.fill(missing, Double.NaN);
            for (int c = 0; c < n; c++) {
                dff[c] = missing;
                raw[c] = missing;
            }
            for (int i = 0; i < measured.size(); i++) {
                dff[measured.get(i)] = run.dff()[i];
                raw[measured.get(i)] = run.traces().raw()[i];
            }
            progress.stage("Writing results");
            List<String> names = TraceTables.cellNames(n);
            double[] time = movie.times().toArray();
            TraceTables.write(new TraceSet("time_s", time, names, dff), folder.dir().resolve(TraceOutputs.TRACES_CSV));
            TraceTables.write(new TraceSet("time_s", time, names, raw), folder.dir().resolve(TraceOutputs.RAW_CSV));
            List<String> insideNames = measured.stream().map(names::get).toList();
            ImageJFormats.get().writeRoiSet(inside, insideNames, folder.dir().resolve(TraceOutputs.ROI_SET));
            cellsTable(cells).write(folder.dir().resolve(TraceOutputs.CELLS_CSV));
            new ResultsH5()
                    .dataset("/movie/frame_times", time)
                    .compressedDataset("/footprints", FootprintArrays.dense(inside, movie.width(), movie.height()), 1,
                            movie.height(), movie.width())
                    .attribute("/footprints", "registered_cells", measured.stream().mapToInt(c -> c + 1).toArray())
                    .dataset("/traces/raw", raw)
                    .dataset("/traces/dff", dff)
                    .attribute("/traces", "input", movie.description())
                    .attribute("/traces", "cells", n)
                    .attribute("/traces", "rows", "registered cells 1 ... (NaN: outside this session's image)")
                    .write(folder.dir().resolve(TraceOutputs.RESULTS_H5));
            folder.commit();
            return new Result(dff, raw, cells);
        }
    }

    /** registered_cell, x, y, area_px, footprint (own, carried or outside). */
    static TextTable cellsTable(RegisteredFootprints cells) {
        TextTable t = new TextTable(List.of("registered_cell", "x", "y", "area_px", "footprint"));
        for (int c = 0; c < cells.registered().size(); c++) {
            Footprint f = cells.registered().get(c);
            if (f == null) {
                t.add(c + 1, Double.NaN, Double.NaN, 0, "outside");
                continue;
            }
            double[] centre = f.centre();
            t.add(c + 1, centre[0], centre[1], f.outlineArea(), cells.own()[c] ? "own" : "carried");
        }
        return t;
    }
}
