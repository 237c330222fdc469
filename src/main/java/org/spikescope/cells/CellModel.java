package org.spikescope.cells;

import org.spikescope.core.Footprint;

import java.util.List;

/**
 * The cells as currently known, footprints and traces, so that the background can be estimated from the movie
 * with the cells taken out (CNMF-E's ring model estimates it from Y − AC for the same reason: otherwise a bright
 * cell leaks into the background around it and leaves a dark shadow of its activity there), and the fluctuating
 * background patterns that a smooth estimate cannot follow ({@link BackgroundPatterns}).
 *
 * @param footprints the cells' footprints, each in the smallest box that holds its weights (every frame renders them)
 * @param patterns   orthonormal images (each of width × height pixels), possibly none
 */
public record CellModel(List<Footprint> footprints, double[][] traces, float[][] patterns) {

    public CellModel {
        footprints = footprints.stream().map(Footprint::trimmed).toList();
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
        add(t, out, width, 1);
    }

    /** Takes Σ footprint × trace(t) out of {@code frame}, in place. */
    public void subtractFrom(int t, float[] frame, int width) {
        add(t, frame, width, -1);
    }

    private void add(int t, float[] out, int width, float sign) {
        for (int i = 0; i < footprints.size(); i++) {
            addFootprint(footprints.get(i), sign * (float) traces[i][t], out, width);
        }
    }

    /** Each pixel's mean of Σ footprint × trace over the frames of the movie that are used. */
    public float[] meanImage(CellMovie movie) {
        float[] out = new float[movie.width() * movie.height()];
        int n = Math.max(1, movie.usedFrames());
        for (int i = 0; i < footprints.size(); i++) {
            double sum = 0;
            for (int t = 0; t < traces[i].length; t++) {
                sum += movie.used(t) ? traces[i][t] : 0;
            }
            addFootprint(footprints.get(i), (float) (sum / n), out, movie.width());
        }
        return out;
    }

    private static void addFootprint(Footprint f, float amplitude, float[] out, int width) {
        float[] w = f.weights();
        for (int y = 0; y < f.h(); y++) {
            int row = (f.y0() + y) * width + f.x0();
            int k = y * f.w();
            for (int x = 0; x < f.w(); x++) {
                out[row + x] += w[k + x] * amplitude;
            }
        }
    }

    /** The movie less these cells: what they leave unexplained, frame by frame (background patterns kept). */
    public CellMovie residualOf(CellMovie movie) {
        return new CellMovie(new ResidualSource(movie.source(), this), movie.cellRadius(), movie.excluded());
    }
}
