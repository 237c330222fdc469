package org.spikescope.pipeline;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.spikescope.core.Footprint;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.FootprintFiles;
import org.spikescope.io.TraceTables;
import org.spikescope.math.Moments;
import org.spikescope.traces.TraceOutputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a cell classifier sees of each cell of an extraction (a bundle, or its original/ when curated): its outline's
 * size and compactness, detection's spatial correlation of its footprint, its ΔF/F trace's skewness and peak over
 * noise, and the spike deconvolution's SNR and rate. A feature the bundle does not hold is NaN.
 *
 * @param names  the cells, cell_001 …
 * @param values [cell][feature], in the order of {@link #NAMES}
 */
record CellFeatures(List<String> names, double[][] values) {

    static final List<String> NAMES = List.of("log_area_px", "compactness", "spatial_correlation", "skewness",
            "peak_over_noise", "snr", "spike_rate_hz");

    static CellFeatures of(Path extraction) throws IOException {
        Path h5 = extraction.resolve(TraceOutputs.RESULTS_H5);
        List<Footprint> footprints = FootprintFiles.readResults(h5).footprints();
        double[] spatial = null;
        try (HdfFile in = new HdfFile(h5)) {
            if (in.getChildren().get("detection") instanceof io.jhdf.api.Group g
                    && g.getChildren().get("spatial_correlation") instanceof Dataset s) {
                spatial = (double[]) s.getData();
            }
        }
        List<String> names = TraceTables.cellNames(footprints.size());
        TraceSet dff = TraceTables.read(extraction.resolve(TraceOutputs.TRACES_CSV));
        CsvTable cells = Files.exists(extraction.resolve(TraceOutputs.CELLS_CSV))
                ? CsvTable.read(extraction.resolve(TraceOutputs.CELLS_CSV)) : null;
        double[][] values = new double[names.size()][NAMES.size()];
        for (int c = 0; c < names.size(); c++) {
            double[] f = values[c];
            int[] shape = outline(footprints.get(c));
            f[0] = Math.log(Math.max(1, shape[0]));
            f[1] = shape[1] > 0 ? Math.min(1.5, 4 * Math.PI * shape[0] / ((double) shape[1] * shape[1])) : 0;
            f[2] = spatial != null && spatial.length == names.size() ? spatial[c] : Double.NaN;
            int column = dff.names().indexOf(names.get(c));
            double[] trace = column >= 0 ? dff.values()[column] : new double[0];
            f[3] = trace.length > 2 ? Moments.skewness(trace) : Double.NaN;
            f[4] = trace.length > 2 ? peakOverNoise(trace) : Double.NaN;
            f[5] = column(cells, "snr", c);
            f[6] = column(cells, "spike_rate_hz", c);
        }
        return new CellFeatures(names, values);
    }

    private static double column(CsvTable cells, String name, int cell) {
        return cells != null && cells.header().contains(name) && cell < cells.rows() ? cells.column(name)[cell]
                : Double.NaN;
    }

    /** {pixels inside the outline, those of them with a 4-neighbour outside}. */
    private static int[] outline(Footprint f) {
        boolean[] mask = f.outlineMask();
        int area = 0;
        int edge = 0;
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                area += mask[y * f.w() + x] ? 1 : 0;
                edge += f.onOutlineEdge(mask, x, y) ? 1 : 0;
            }
        }
        return new int[]{area, edge};
    }

    /** The trace's largest excursion above its median over its frame-to-frame noise (robust σ of differences). */
    private static double peakOverNoise(double[] trace) {
        double[] sorted = trace.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double[] d = new double[trace.length - 1];
        for (int t = 1; t < trace.length; t++) {
            d[t - 1] = Math.abs(trace[t] - trace[t - 1]);
        }
        Arrays.sort(d);
        double noise = d[d.length / 2] / (0.6745 * Math.sqrt(2));
        return noise > 0 ? (sorted[sorted.length - 1] - median) / noise : 0;
    }
}
