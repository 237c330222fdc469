package org.spikescope.register;

import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.PlotSeries;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TextTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a registration: {@value #CELL_MAP} (registered_cell, then session_1 … holding each session's own
 * cell identifier, empty where the cell was not found), {@value #SCORES}, {@value #PAIRS}, {@value #ALIGNMENT},
 * {@value #MODEL_PNG}, {@value #SESSIONS_PNG} and all of it in {@value #RESULTS_H5}.
 */
public final class RegistrationOutputs {

    public static final String CELL_MAP = "cell_map.csv";
    public static final String SCORES = "cell_scores.csv";
    public static final String PAIRS = "pairs.csv";
    public static final String ALIGNMENT = "alignment.csv";
    public static final String MODEL_PNG = "model.png";
    public static final String DISTANCES_PNG = "model_distances.png";
    public static final String SESSIONS_PNG = "sessions.png";
    public static final String RESULTS_H5 = "results.h5";
    static final String CELL_MAP_DATASET = "/registration/cell_map";
    static final String TRANSFORMS = "/registration/transforms";
    /** Attribute of /registration naming session k's file: this prefix and k. */
    static final String SOURCE = "session_";
    static final String CELLS_PER_SESSION = "cells_per_session";

    /** Overlay colours of the sessions (red, green, blue, then mixtures). */
    private static final int[] COLOURS = {0xff0000, 0x00ff00, 0x3070ff, 0xffff00, 0xff00ff, 0x00ffff, 0xff8000,
            0x80ff00, 0x8000ff, 0xff0080};

    private RegistrationOutputs() {
    }

    public static void write(RegistrationResult r, Path folder) throws IOException {
        cellMap(r).write(folder.resolve(CELL_MAP));
        scores(r).write(folder.resolve(SCORES));
        pairs(r).write(folder.resolve(PAIRS));
        alignment(r).write(folder.resolve(ALIGNMENT));
        writeModelPng(r, folder.resolve(MODEL_PNG));
        writeDistancesPng(r, folder.resolve(DISTANCES_PNG));
        ImageJFormats.get().writeRgbPng(overlay(r), r.referenceWidth(), r.referenceHeight(),
                folder.resolve(SESSIONS_PNG));
        results(r).write(folder.resolve(RESULTS_H5));
    }

    public static TextTable cellMap(RegistrationResult r) {
        List<String> header = new ArrayList<>();
        header.add("registered_cell");
        for (int s = 0; s < r.sessions().size(); s++) {
            header.add("session_" + (s + 1));
        }
        TextTable t = new TextTable(header);
        for (int c = 0; c < r.cells().size(); c++) {
            Object[] row = new Object[header.size()];
            row[0] = c + 1;
            for (int s = 0; s < r.sessions().size(); s++) {
                int cell = r.cells().get(c)[s];
                row[s + 1] = cell < 0 ? "" : r.sessions().get(s).ids().get(cell);
            }
            t.add(row);
        }
        return t;
    }

    static TextTable scores(RegistrationResult r) {
        TextTable t = new TextTable(List.of("registered_cell", "sessions", "score"));
        for (int c = 0; c < r.cells().size(); c++) {
            int n = 0;
            for (int v : r.cells().get(c)) {
                n += v >= 0 ? 1 : 0;
            }
            t.add(c + 1, n, r.scores()[c]);
        }
        return t;
    }

    static TextTable pairs(RegistrationResult r) {
        int[][] rowOf = registeredRows(r);
        TextTable t = new TextTable(List.of("session_a", "cell_a", "session_b", "cell_b", "distance_um",
                "correlation", "p_same", "registered", "p_same_distance"));
        for (CellPair p : r.pairs()) {
            boolean same = rowOf[p.sessionA()][p.cellA()] == rowOf[p.sessionB()][p.cellB()];
            t.add(p.sessionA() + 1, r.sessions().get(p.sessionA()).ids().get(p.cellA()), p.sessionB() + 1,
                    r.sessions().get(p.sessionB()).ids().get(p.cellB()), p.distance() * r.settings().pixelSize(),
                    p.correlation(), p.pSame(), same ? 1 : 0, r.distances().pSame(p.distance()));
        }
        return t;
    }

    /** Per session and cell, its registered cell's row. */
    static int[][] registeredRows(RegistrationResult r) {
        int[][] rowOf = new int[r.sessions().size()][];
        for (int s = 0; s < rowOf.length; s++) {
            rowOf[s] = new int[r.sessions().get(s).cells()];
        }
        for (int c = 0; c < r.cells().size(); c++) {
            for (int s = 0; s < rowOf.length; s++) {
                if (r.cells().get(c)[s] >= 0) {
                    rowOf[s][r.cells().get(c)[s]] = c;
                }
            }
        }
        return rowOf;
    }

    public static TextTable alignment(RegistrationResult r) {
        TextTable t = new TextTable(List.of("session", "source", "cells", "dx", "dy", "rotation_deg", "correlation",
                "field_max_px"));
        for (int s = 0; s < r.sessions().size(); s++) {
            SessionTransform tr = r.transforms().get(s);
            t.add(s + 1, r.sessions().get(s).label(), r.sessions().get(s).cells(), tr.dx(), tr.dy(),
                    tr.rotationDeg(), r.alignment()[s], fieldMax(tr, r.sessions().get(s)));
        }
        return t;
    }

    /** The largest move of a nonrigid field over the session's image (0 when rigid). */
    static double fieldMax(SessionTransform t, Session s) {
        if (t.warp() == null) {
            return 0;
        }
        SessionTransform rigid = t.withWarp(null);
        double max = 0;
        for (int y = 0; y < s.height(); y += 8) {
            for (int x = 0; x < s.width(); x += 8) {
                double[] a = t.apply(x, y);
                double[] b = rigid.apply(x, y);
                max = Math.max(max, Math.hypot(a[0] - b[0], a[1] - b[1]));
            }
        }
        return max;
    }

    private static void writeModelPng(RegistrationResult r, Path file) throws IOException {
        int bins = 50;
        double[] centres = new double[bins];
        double[] observed = new double[bins];
        int n = 0;
        for (CellPair p : r.pairs()) {
            if (p.correlation() > 0) {
                observed[Math.min(bins - 1, (int) (p.correlation() * bins))]++;
                n++;
            }
        }
        SameCellModel m = r.model();
        double[] same = new double[bins];
        double[] different = new double[bins];
        double[] both = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = (b + 0.5) / bins;
            observed[b] = n > 0 ? observed[b] / n * bins : 0;
            same[b] = m.sameDensity(centres[b]);
            different[b] = m.differentDensity(centres[b]);
            both[b] = same[b] + different[b];
        }
        String title = String.format(java.util.Locale.ROOT, "Spatial correlations of %d neighbouring pairs: "
                + "P_same = 0.5 at %.2f", r.pairs().size(), m.correlationAt(0.5));
        ImageJFormats.get().writeLinePlotPng(title, "spatial correlation", "density",
                List.of(new PlotSeries("model (sum)", centres, both, 3, false),
                        new PlotSeries("same cells", centres, same, 2, false),
                        new PlotSeries("different cells", centres, different, 1, false),
                        new PlotSeries("observed", centres, observed, 0, true)), file);
    }

    private static void writeDistancesPng(RegistrationResult r, Path file) throws IOException {
        DistanceModel m = r.distances();
        int bins = 40;
        double width = m.maxDistance() / bins;
        double um = r.settings().pixelSize();
        double[] centres = new double[bins];
        double[] observed = new double[bins];
        for (CellPair p : r.pairs()) {
            observed[Math.min(bins - 1, (int) (p.distance() / width))]++;
        }
        double[] same = new double[bins];
        double[] different = new double[bins];
        double[] both = new double[bins];
        for (int b = 0; b < bins; b++) {
            double d = (b + 0.5) * width;
            centres[b] = d * um;
            // densities per µm
            observed[b] = r.pairs().isEmpty() ? 0 : observed[b] / r.pairs().size() / (width * um);
            same[b] = m.sameDensity(d) / um;
            different[b] = m.differentDensity(d) / um;
            both[b] = same[b] + different[b];
        }
        String title = String.format(java.util.Locale.ROOT, "Centroid distances of %d neighbouring pairs: P_same by "
                + "distance = 0.5 at %.1f µm (registration uses the correlations)", r.pairs().size(),
                m.distanceAt(0.5) * um);
        ImageJFormats.get().writeLinePlotPng(title, "centroid distance (µm)", "density (1/µm)",
                List.of(new PlotSeries("model (sum)", centres, both, 3, false),
                        new PlotSeries("same cells", centres, same, 2, false),
                        new PlotSeries("different cells", centres, different, 1, false),
                        new PlotSeries("observed", centres, observed, 0, true)), file);
    }

    /**
     * The sessions' aligned projections, one colour each (brightest wins per channel), with the outlines of cells
     * registered in two or more sessions in white (their first session's aligned footprint).
     */
    public static int[] overlay(RegistrationResult r) {
        int w = r.referenceWidth();
        int h = r.referenceHeight();
        int[] red = new int[w * h];
        int[] green = new int[w * h];
        int[] blue = new int[w * h];
        for (int s = 0; s < r.projections().size(); s++) {
            float[] p = r.projections().get(s);
            int colour = COLOURS[s % COLOURS.length];
            for (int i = 0; i < p.length; i++) {
                double v = Math.max(0, Math.min(1, p[i]));
                red[i] = Math.max(red[i], (int) (v * ((colour >> 16) & 0xff)));
                green[i] = Math.max(green[i], (int) (v * ((colour >> 8) & 0xff)));
                blue[i] = Math.max(blue[i], (int) (v * (colour & 0xff)));
            }
        }
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (red[i] << 16) | (green[i] << 8) | blue[i];
        }
        for (int[] cell : r.cells()) {
            int found = 0;
            int first = -1;
            for (int s = 0; s < cell.length; s++) {
                if (cell[s] >= 0) {
                    found++;
                    first = first < 0 ? s : first;
                }
            }
            if (found >= 2) {
                outline(r.aligned().get(first).get(cell[first]), rgb, w, h);
            }
        }
        return rgb;
    }

    /** Marks the footprint's outline: pixels inside it with a 4-neighbour outside. */
    private static void outline(Footprint f, int[] rgb, int w, int h) {
        boolean[] mask = f.outlineMask();
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                int ix = f.x0() + x;
                int iy = f.y0() + y;
                if (f.onOutlineEdge(mask, x, y) && ix >= 0 && iy >= 0 && ix < w && iy < h) {
                    rgb[iy * w + ix] = 0xffffff;
                }
            }
        }
    }

    static ResultsH5 results(RegistrationResult r) {
        int k = r.sessions().size();
        int[][] map = new int[r.cells().size()][];
        for (int c = 0; c < map.length; c++) {
            map[c] = r.cells().get(c).clone();
        }
        double[][] pairs = new double[r.pairs().size()][];
        for (int i = 0; i < pairs.length; i++) {
            CellPair p = r.pairs().get(i);
            pairs[i] = new double[]{p.sessionA(), p.cellA(), p.sessionB(), p.cellB(),
                    p.distance() * r.settings().pixelSize(), p.correlation(), p.pSame()};
        }
        double[][] alignment = new double[k][];
        double[][] transforms = new double[k][];
        float[][][] projections = new float[k][r.referenceHeight()][r.referenceWidth()];
        for (int s = 0; s < k; s++) {
            SessionTransform t = r.transforms().get(s);
            alignment[s] = new double[]{t.dx(), t.dy(), t.rotationDeg(), r.alignment()[s]};
            transforms[s] = new double[5 + 2 * SessionTransform.WARP_TERMS];
            transforms[s][0] = t.dx();
            transforms[s][1] = t.dy();
            transforms[s][2] = t.rotationDeg();
            transforms[s][3] = t.centreX();
            transforms[s][4] = t.centreY();
            if (t.warp() != null) {
                System.arraycopy(t.warp(), 0, transforms[s], 5, t.warp().length);
            }
            for (int y = 0; y < r.referenceHeight(); y++) {
                System.arraycopy(r.projections().get(s), y * r.referenceWidth(), projections[s][y], 0,
                        r.referenceWidth());
            }
        }
        SameCellModel m = r.model();
        ResultsH5 h5 = new ResultsH5()
                .dataset(CELL_MAP_DATASET, map.length > 0 ? map : new int[0][k])
                .attribute(CELL_MAP_DATASET, "meaning", "per registered cell (row) and session (column): "
                        + "the cell's index in that session's input, from 0; -1 = not found")
                .dataset("/registration/scores", r.scores())
                .dataset("/registration/pairs", pairs.length > 0 ? pairs : new double[0][7])
                .attribute("/registration/pairs", "columns", "session_a, cell_a, session_b, cell_b (from 0), "
                        + "distance_um, correlation, p_same")
                .dataset("/registration/alignment", alignment)
                .attribute("/registration/alignment", "columns", "dx, dy, rotation_deg, correlation")
                .dataset(TRANSFORMS, transforms)
                .attribute(TRANSFORMS, "columns", "dx, dy, rotation_deg, centre_x, centre_y, then the nonrigid "
                        + "field's coefficients of 1, u, v, u², uv, v² for x and for y (u = x / centre_x - 1, "
                        + "v = y / "
                        + "centre_y - 1 on the rigidly aligned point; 0 when rigid): a session point p lands on the "
                        + "reference at R(rotation)(p - centre) + centre + (dx, dy), plus the field there")
                .compressedDataset("/registration/projections", projections, 1, r.referenceHeight(),
                        r.referenceWidth())
                .attribute("/registration", "reference_session", r.reference() + 1)
                .attribute("/registration", CELLS_PER_SESSION, r.sessions().stream().mapToInt(Session::cells)
                        .toArray())
                .attribute("/registration", "pixel_size_um", r.settings().pixelSize())
                .attribute("/registration", "alignment", r.settings().alignment().label())
                .attribute("/registration", "aligned_on", r.settings().alignOn().label())
                .attribute("/registration", "max_distance_um", r.settings().maxDistance())
                .attribute("/registration", "p_same_threshold", r.settings().pSame())
                .attribute("/registration", "model_weight_same", m.weightSame())
                .attribute("/registration", "model_same_lognormal_mu", m.mu())
                .attribute("/registration", "model_same_lognormal_sigma", m.sigma())
                .attribute("/registration", "model_different_beta_p", m.p())
                .attribute("/registration", "model_different_beta_q", m.q())
                .attribute("/registration", "correlation_at_p_same_half", m.correlationAt(0.5))
                .attribute("/registration", "distance_model_weight_same", r.distances().weightSame())
                .attribute("/registration", "distance_model_same_lognormal_mu_px", r.distances().mu())
                .attribute("/registration", "distance_model_same_lognormal_sigma", r.distances().sigma())
                .attribute("/registration", "distance_um_at_p_same_half", r.distances().distanceAt(0.5)
                        * r.settings().pixelSize());
        for (int s = 0; s < k; s++) {
            h5.attribute("/registration", SOURCE + (s + 1), r.sessions().get(s).label());
        }
        return h5;
    }
}
