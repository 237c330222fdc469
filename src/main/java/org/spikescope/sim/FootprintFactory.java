package org.spikescope.sim;

import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;
import org.spikescope.io.CsvTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Places cells in the field of view: synthetic soma shapes (soft ellipses of the given radius, random size and
 * orientation) or real footprints from a CNMF result, rotated and mirrored at random.
 */
public final class FootprintFactory {

    /** Weights below this fraction of the peak are dropped, as CNMF-E trims its footprints. */
    private static final float CUTOFF = 0.02f;

    private FootprintFactory() {
    }

    public static List<Footprint> place(SimulationSettings s, List<Footprint> templates, SplittableRandom rng) {
        List<Footprint> cells = new ArrayList<>();
        List<double[]> centres = new ArrayList<>();
        double minDistance = 1.2 * s.cellRadius();
        for (int i = 0; i < s.cells(); i++) {
            Footprint shape = templates.isEmpty() ? synthetic(s.cellRadius(), rng)
                    : transformed(templates.get(rng.nextInt(templates.size())), rng);
            if (shape.w() >= s.width() || shape.h() >= s.height()) {
                throw new InputException("footprint " + shape.w() + "x" + shape.h() + " px does not fit into a "
                        + s.width() + "x" + s.height() + " image; use a larger image");
            }
            Footprint placed = null;
            for (int attempt = 0; attempt < 200 && placed == null; attempt++) {
                Footprint candidate = shape.movedTo(rng.nextInt(s.width() - shape.w() + 1),
                        rng.nextInt(s.height() - shape.h() + 1));
                double[] c = candidate.centre();
                boolean free = centres.stream().allMatch(o -> StrictMath.hypot(o[0] - c[0], o[1] - c[1]) >= minDistance);
                if (free || attempt == 199) {
                    placed = candidate; // a dense field of view overlaps cells, as real one-photon data do
                }
            }
            cells.add(placed);
            centres.add(placed.centre());
        }
        return cells;
    }

    /** A soft ellipse whose half-maximum contour has radii of about {@code radius}. */
    static Footprint synthetic(double radius, SplittableRandom rng) {
        double rx = radius * (0.8 + 0.45 * rng.nextDouble());
        double ry = radius * (0.8 + 0.45 * rng.nextDouble());
        double angle = Math.PI * rng.nextDouble();
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        int half = (int) Math.ceil(2.2 * Math.max(rx, ry));
        int size = 2 * half + 1;
        float[] w = new float[size * size];
        double ox = rng.nextDouble() - 0.5;
        double oy = rng.nextDouble() - 0.5;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - half - ox;
                double dy = y - half - oy;
                double u = (cos * dx + sin * dy) / rx;
                double v = (-sin * dx + cos * dy) / ry;
                double q = u * u + v * v;
                float value = (float) StrictMath.exp(-StrictMath.log(2) * StrictMath.pow(q, 1.3));
                w[y * size + x] = value < CUTOFF ? 0f : value;
            }
        }
        return normalised(new Footprint(0, 0, size, size, w));
    }

    /** Rotates a template by a multiple of 90 degrees and mirrors it at random. */
    static Footprint transformed(Footprint t, SplittableRandom rng) {
        int turns = rng.nextInt(4);
        boolean mirror = rng.nextBoolean();
        int w = t.w();
        int h = t.h();
        int nw = turns % 2 == 0 ? w : h;
        int nh = turns % 2 == 0 ? h : w;
        float[] out = new float[nw * nh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = mirror ? w - 1 - x : x;
                int nx;
                int ny;
                switch (turns) {
                    case 1 -> { nx = h - 1 - y; ny = sx; }
                    case 2 -> { nx = w - 1 - sx; ny = h - 1 - y; }
                    case 3 -> { nx = y; ny = w - 1 - sx; }
                    default -> { nx = sx; ny = y; }
                }
                out[ny * nw + nx] = t.weights()[y * w + x];
            }
        }
        return new Footprint(0, 0, nw, nh, out);
    }

    /**
     * Reads real footprints from a sparse CSV {@code unit_id,row,col,value} (minian/CNMF export), each cropped
     * to its bounding box and scaled to a peak of 1.
     */
    public static List<Footprint> readSparseCsv(Path file) throws IOException {
        CsvTable table = CsvTable.read(file).requireColumns(file, "unit_id", "row", "col", "value");
        double[] unit = table.column("unit_id");
        double[] row = table.column("row");
        double[] col = table.column("col");
        double[] value = table.column("value");
        Map<Integer, List<Integer>> byUnit = new TreeMap<>();
        for (int i = 0; i < unit.length; i++) {
            byUnit.computeIfAbsent((int) unit[i], k -> new ArrayList<>()).add(i);
        }
        List<Footprint> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byUnit.entrySet()) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            int y1 = Integer.MIN_VALUE;
            for (int i : e.getValue()) {
                x0 = Math.min(x0, (int) col[i]);
                x1 = Math.max(x1, (int) col[i]);
                y0 = Math.min(y0, (int) row[i]);
                y1 = Math.max(y1, (int) row[i]);
            }
            int w = x1 - x0 + 1;
            int h = y1 - y0 + 1;
            float[] weights = new float[w * h];
            for (int i : e.getValue()) {
                if (value[i] < 0 || Double.isNaN(value[i])) {
                    throw new InputException(file + ", unit " + e.getKey() + ": footprint value " + value[i]
                            + " at row " + (int) row[i] + ", col " + (int) col[i] + "; expected a value >= 0");
                }
                weights[((int) row[i] - y0) * w + (int) col[i] - x0] = (float) value[i];
            }
            out.add(normalised(new Footprint(x0, y0, w, h, weights)));
        }
        if (out.isEmpty()) {
            throw new InputException(file + ": no footprint rows (expected unit_id,row,col,value)");
        }
        return out;
    }

    private static Footprint normalised(Footprint f) {
        float max = 0;
        for (float v : f.weights()) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return f;
        }
        float[] w = f.weights().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] /= max;
        }
        return new Footprint(f.x0(), f.y0(), f.w(), f.h(), w);
    }
}
