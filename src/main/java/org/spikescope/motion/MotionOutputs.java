package org.spikescope.motion;

import org.spikescope.io.CsvTable;
import org.spikescope.io.ResultsH5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The motion stage's files: the shifts as CSV ({@code frame,x,y}, then {@code patch_r<row>_c<col>_x/_y} per patch
 * in piecewise mode; frames count from 0) and as {@code /motion/shifts} (frames × 2: x, y) in results.h5, with
 * {@code /motion/patch_shifts} (frames × patches × 2) and the patch centres in piecewise mode.
 */
public final class MotionOutputs {

    public static final String SHIFTS_CSV = "shifts.csv";
    public static final String CORRECTED_TIFF = "motion_corrected.tif";
    public static final String CORRECTED_HDF5 = "motion_corrected.h5";

    private MotionOutputs() {
    }

    public static List<String> shiftColumns(MotionResult r) {
        List<String> header = new ArrayList<>(List.of("frame", "x", "y"));
        if (r.grid() != null) {
            for (int p = 0; p < r.grid().count(); p++) {
                String name = "patch_r" + (p / r.grid().columns() + 1) + "_c" + (p % r.grid().columns() + 1);
                header.add(name + "_x");
                header.add(name + "_y");
            }
        }
        return header;
    }

    public static void writeShiftsCsv(MotionResult r, Path file) throws IOException {
        CsvTable.write(file, shiftColumns(r), r.frames(), (t, c) -> switch (c) {
            case 0 -> t;
            case 1 -> r.x()[t];
            case 2 -> r.y()[t];
            default -> (c - 3) % 2 == 0 ? r.patchX()[t][(c - 3) / 2] : r.patchY()[t][(c - 3) / 2];
        });
    }

    /** Adds the motion results to a results file being assembled. */
    public static ResultsH5 addTo(ResultsH5 h5, MotionResult r) {
        double[][] shifts = new double[r.frames()][];
        for (int t = 0; t < r.frames(); t++) {
            shifts[t] = new double[]{r.x()[t], r.y()[t]};
        }
        MotionSettings s = r.settings();
        h5.dataset("/motion/shifts", shifts)
                .attribute("/motion/shifts", "columns", "x,y")
                .attribute("/motion/shifts", "convention", "displacement of the frame's content relative to the "
                        + "template, pixels; positive x = right, positive y = down; corrected = input shifted by "
                        + "(-x, -y)")
                .attribute("/motion", "mode", s.mode().label())
                .attribute("/motion", "max_shift", s.maxShift())
                .attribute("/motion", "frames_at_search_edge", r.framesAtSearchEdge())
                .attribute("/motion", "cell_radius", s.cellRadius())
                .attribute("/motion", "template_frames", s.templateFrames())
                .attribute("/motion", "template_update", s.templateUpdate());
        if (r.grid() != null) {
            PatchGrid g = r.grid();
            float[][][] patches = new float[r.frames()][g.count()][];
            for (int t = 0; t < r.frames(); t++) {
                for (int p = 0; p < g.count(); p++) {
                    patches[t][p] = new float[]{r.patchX()[t][p], r.patchY()[t][p]};
                }
            }
            double[][] centres = new double[g.count()][];
            for (int p = 0; p < g.count(); p++) {
                centres[p] = new double[]{g.centreX(p), g.centreY(p)};
            }
            h5.dataset("/motion/patch_shifts", patches)
                    .dataset("/motion/patch_centres", centres)
                    .attribute("/motion", "patch_size", s.patchSize())
                    .attribute("/motion", "patch_overlap", s.patchOverlap())
                    .attribute("/motion", "patch_rows", g.rows())
                    .attribute("/motion", "patch_columns", g.columns());
        }
        return h5;
    }
}
