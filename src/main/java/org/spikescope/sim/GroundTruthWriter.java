package org.spikescope.sim;

import org.spikescope.core.Footprint;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import org.spikescope.core.Version;
import org.spikescope.io.TraceTables;
import org.spikescope.io.CsvTable;
import org.spikescope.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a simulation's ground truth in the results formats: {@code results.h5} (/footprints (dense, up to
 * 16 M values), /footprints_sparse/{unit_id,row,col,value}, /spikes,
 * /calcium, /motion/shifts, /motion/nodes, /frames/…, /cells/…, settings and version as attributes) and
 * {@code spikes.csv}, {@code calcium.csv}, {@code shifts.csv}, {@code frames.csv}, {@code footprints.csv},
 * {@code settings.json}.
 */
public final class GroundTruthWriter {

    /** Dense footprints above this many values (64 MB) are written sparse only: jHDF holds a dataset in memory. */
    private static final long DENSE_FOOTPRINT_LIMIT = 16L << 20;

    private GroundTruthWriter() {
    }

    public static void write(GroundTruth g, Path folder) throws IOException {
        Files.createDirectories(folder);
        SimulationSettings s = g.settings();
        Json.MAPPER.writeValue(folder.resolve("settings.json").toFile(), s);
        writeCsvs(g, folder);
        writeHdf5(g, folder.resolve("results.h5"));
    }

    private static void writeCsvs(GroundTruth g, Path folder) throws IOException {
        int cells = g.spikes().length;
        int frames = g.trueTimes().length;
        List<String> header = new ArrayList<>();
        header.add("time_s");
        for (int c = 0; c < cells; c++) {
            header.add(TraceTables.cellName(c));
        }
        // streamed row by row: no second copy of the cells × frames arrays
        CsvTable.write(folder.resolve("spikes.csv"), header, frames,
                (t, c) -> c == 0 ? g.trueTimes()[t] : g.spikes()[c - 1][t]);
        CsvTable.write(folder.resolve("calcium.csv"), header, frames,
                (t, c) -> c == 0 ? g.trueTimes()[t] : g.calcium()[c - 1][t]);

        List<String> shiftHeader = new ArrayList<>(List.of("frame", "time_s", "x", "y"));
        boolean nodes = g.motion().isPiecewise();
        int n = MotionPath.NODES;
        if (nodes) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    shiftHeader.add("x_r" + r + "c" + c);
                    shiftHeader.add("y_r" + r + "c" + c);
                }
            }
        }
        double[][] shifts = new double[shiftHeader.size()][frames];
        for (int t = 0; t < frames; t++) {
            double[] m = g.motion().meanDisplacement(t);
            shifts[0][t] = t;
            shifts[1][t] = g.trueTimes()[t];
            shifts[2][t] = m[0];
            shifts[3][t] = m[1];
            if (nodes) {
                double[][][] v = g.motion().nodes(t);
                int col = 4;
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        shifts[col++][t] = v[r][c][0];
                        shifts[col++][t] = v[r][c][1];
                    }
                }
            }
        }
        new CsvTable(shiftHeader, shifts).write(folder.resolve("shifts.csv"));

        int stored = g.storedToTrue().length;
        double[][] frameTable = new double[4][stored];
        for (int i = 0; i < stored; i++) {
            frameTable[0][i] = i;
            frameTable[1][i] = g.storedToTrue()[i];
            frameTable[2][i] = g.trueTimes()[g.storedToTrue()[i]];
            frameTable[3][i] = g.corrupted().contains(i) ? 1 : 0;
        }
        new CsvTable(List.of("frame", "true_frame", "time_s", "corrupted"), frameTable)
                .write(folder.resolve("frames.csv"));

        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < g.footprints().size(); c++) {
            Footprint f = g.footprints().get(c);
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    float v = f.weights()[y * f.w() + x];
                    if (v > 0) {
                        rows.add(new double[]{c, f.y0() + y, f.x0() + x, v});
                    }
                }
            }
        }
        double[][] sparse = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 4; k++) {
                sparse[k][i] = rows.get(i)[k];
            }
        }
        new CsvTable(List.of("unit_id", "row", "col", "value"), sparse).write(folder.resolve("footprints.csv"));
    }

    private static void writeHdf5(GroundTruth g, Path file) throws IOException {
        SimulationSettings s = g.settings();
        int cells = g.footprints().size();
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("spikescope_version", Version.get());
            h5.putAttribute("settings", Json.MAPPER.writeValueAsString(s));
            WritableGroup movie = h5.putGroup("movie");
            movie.putAttribute("frame_rate", s.frameRate());
            movie.putAttribute("width", s.width());
            movie.putAttribute("height", s.height());
            movie.putAttribute("frames", g.storedToTrue().length);
            movie.putAttribute("true_frames", s.frames());
            movie.putAttribute("format", s.format().label());
            if (cells > 0 && (long) cells * s.width() * s.height() <= DENSE_FOOTPRINT_LIMIT) {
                float[][][] dense = new float[cells][s.height()][s.width()];
                for (int c = 0; c < cells; c++) {
                    Footprint f = g.footprints().get(c);
                    for (int y = 0; y < f.h(); y++) {
                        for (int x = 0; x < f.w(); x++) {
                            dense[c][f.y0() + y][f.x0() + x] = f.weights()[y * f.w() + x];
                        }
                    }
                }
                h5.putDataset("footprints", dense, DatasetCreationOptions.builder()
                        .chunkDimensions(1, s.height(), s.width()).deflate(4).build());
            }
            if (cells > 0) {
                writeSparseFootprints(g.footprints(), h5.putGroup("footprints_sparse"));
                h5.putDataset("spikes", g.spikes());
                h5.putDataset("calcium", g.calcium());
                WritableGroup cellGroup = h5.putGroup("cells");
                cellGroup.putDataset("amplitude", g.amplitude());
                cellGroup.putDataset("resting", g.resting());
                cellGroup.putDataset("rise_s", g.riseSeconds());
                cellGroup.putDataset("decay_s", g.decaySeconds());
            }
            int frames = s.frames();
            double[][] shifts = new double[frames][];
            for (int t = 0; t < frames; t++) {
                shifts[t] = g.motion().meanDisplacement(t);
            }
            WritableGroup motion = h5.putGroup("motion");
            motion.putDataset("shifts", shifts);
            if (g.motion().isPiecewise()) {
                double[][][][] nodes = new double[frames][][][];
                for (int t = 0; t < frames; t++) {
                    nodes[t] = g.motion().nodes(t);
                }
                motion.putDataset("nodes", nodes);
            }
            WritableGroup frameGroup = h5.putGroup("frames");
            frameGroup.putDataset("time_s", g.trueTimes());
            frameGroup.putDataset("stored_to_true", g.storedToTrue());
            if (!g.corrupted().isEmpty()) {
                frameGroup.putDataset("corrupted", g.corrupted().stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    private static void writeSparseFootprints(List<Footprint> footprints, WritableGroup group) {
        int n = 0;
        for (Footprint f : footprints) {
            for (float v : f.weights()) {
                n += v > 0 ? 1 : 0;
            }
        }
        int[] unit = new int[n];
        int[] row = new int[n];
        int[] col = new int[n];
        float[] value = new float[n];
        int k = 0;
        for (int c = 0; c < footprints.size(); c++) {
            Footprint f = footprints.get(c);
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    float v = f.weights()[y * f.w() + x];
                    if (v > 0) {
                        unit[k] = c;
                        row[k] = f.y0() + y;
                        col[k] = f.x0() + x;
                        value[k++] = v;
                    }
                }
            }
        }
        group.putDataset("unit_id", unit);
        group.putDataset("row", row);
        group.putDataset("col", col);
        group.putDataset("value", value);
    }
}
