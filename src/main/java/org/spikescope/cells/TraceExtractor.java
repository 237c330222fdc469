package org.spikescope.cells;

import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

import java.util.List;

/**
 * Streams a movie once and measures every footprint in every frame: least squares of the background-free frame on
 * all footprints together (the raw trace), so overlapping cells share their common pixels fairly, and the level of
 * the background under each footprint on its own (for ΔF/F).
 * Excluded frames get values interpolated from their neighbours.
 */
public final class TraceExtractor {

    private TraceExtractor() {
    }

    /**
     * @param model          the cells known so far (background estimation); null if none
     * @param withBackground whether the background under each cell is measured too (ΔF/F needs it; intermediate
     *                       rounds of detection do not, and skip a second solve per frame)
     */
    public static CellTraces extract(CellMovie movie, List<Footprint> footprints, CellModel model,
                                     boolean withBackground, Workers pool, ProgressListener progress) {
        int n = movie.frames();
        int cells = footprints.size();
        TraceSolver solver = new TraceSolver(footprints, movie.width());
        double[][] raw = new double[cells][n];
        double[][] background = withBackground ? new double[cells][n] : null;
        MoviePass.run(movie, model, pool, progress, "Extracting traces", worker -> {
            double[] c = new double[cells];
            return (t, frame, cellsOnly, bg) -> {
                solver.activity(cellsOnly, c);
                for (int i = 0; i < cells; i++) {
                    raw[i][t] = c[i];
                }
                if (background != null) {
                    solver.levelUnder(bg, c);
                    for (int i = 0; i < cells; i++) {
                        background[i][t] = c[i];
                    }
                }
            };
        });
        for (int i = 0; i < cells; i++) {
            movie.interpolateExcluded(raw[i]);
            if (background != null) {
                movie.interpolateExcluded(background[i]);
            }
        }
        return new CellTraces(raw, background);
    }
}
