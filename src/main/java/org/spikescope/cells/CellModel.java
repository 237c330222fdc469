package org.spikescope.cells;

import org.spikescope.core.Footprint;

import java.util.List;

/**
 * The cells as currently known, footprints and traces, so that the background can be estimated from the movie
 * with the cells taken out (CNMF-E's ring model estimates it from Y − AC for the same reason: otherwise a bright
 * cell leaks into the background around it and leaves a dark shadow of its activity there), and the fluctuating
 * background patterns that a smooth estimate cannot follow ({@link BackgroundPatterns}).
 *
 * @param patterns orthonormal images (each of width × height pixels), possibly none
 */
public record CellModel(List<Footprint> footprints, double[][] traces, float[][] patterns) {

    public CellModel {
        footprints = List.copyOf(footprints);
        if (traces.length != footprints.size()) {
            throw new IllegalArgumentException(traces.length + " traces for " + footprints.size() + " footprints");
        }
        patterns = patterns == null ? new float[0][] : patterns;
    }

    /** Cells only, no background patterns. */
    public CellModel(List<Footprint> footprints, double[][] traces) {
        this(footprints, traces, null);
    }

    /** The same cells with these background patterns. */
    public CellModel withPatterns(float[][] newPatterns) {
        return new CellModel(footprints, traces, newPatterns);
    }

    /** Writes Σ footprint × trace(t) into {@code out} (cleared first). */
    public void render(int t, float[] out, int width) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < footprints.size(); i++) {
            Footprint f = footprints.get(i);
            float c = (float) traces[i][t];
            float[] w = f.weights();
            for (int y = 0; y < f.h(); y++) {
                int row = (f.y0() + y) * width + f.x0();
                int k = y * f.w();
                for (int x = 0; x < f.w(); x++) {
                    out[row + x] += w[k + x] * c;
                }
            }
        }
    }
}
