package org.spikescope.cells;

import org.spikescope.core.Footprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Least-squares activity of every footprint in one image: c = (AᵀA)⁻¹ Aᵀ y, so that overlapping cells share their
 * common pixels instead of each counting them in full. AᵀA only couples cells whose footprints touch; it
 * is split into groups of touching cells, each factorised once (Cholesky) and reused for every frame.
 * Thread-safe after construction.
 */
public final class TraceSolver {

    private final int width;
    private final List<Footprint> footprints;
    /** Cells of each group, and the Cholesky factor of the group's Gram matrix (lower triangle, row-major). */
    private final int[][] groups;
    private final double[][] factors;
    /** Σ w² of each footprint: a single cell's least squares divides by it. */
    private final double[] squaredNorms;

    public TraceSolver(List<Footprint> given, int width) {
        this.width = width;
        // every frame projects on them: their empty margins would only add zeros
        this.footprints = given.stream().map(Footprint::trimmed).toList();
        int n = footprints.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double[][] gram = new double[n][];
        List<int[]> touching = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dot(footprints.get(i), footprints.get(j)) != 0) {
                    touching.add(new int[]{i, j});
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        int[] groupOf = new int[n];
        int[] rootGroup = new int[n];
        java.util.Arrays.fill(rootGroup, -1);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (rootGroup[root] < 0) {
                rootGroup[root] = members.size();
                members.add(new ArrayList<>());
            }
            groupOf[i] = rootGroup[root];
            position[i] = members.get(groupOf[i]).size();
            members.get(groupOf[i]).add(i);
        }
        this.groups = new int[members.size()][];
        this.factors = new double[members.size()][];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = members.get(g).stream().mapToInt(Integer::intValue).toArray();
            int m = groups[g].length;
            gram[g] = new double[m * m];
            for (int a = 0; a < m; a++) {
                Footprint f = footprints.get(groups[g][a]);
                gram[g][a * m + a] = dot(f, f);
            }
        }
        for (int[] pair : touching) {
            int g = groupOf[pair[0]];
            int m = groups[g].length;
            double d = dot(footprints.get(pair[0]), footprints.get(pair[1]));
            gram[g][position[pair[0]] * m + position[pair[1]]] = d;
            gram[g][position[pair[1]] * m + position[pair[0]]] = d;
        }
        for (int g = 0; g < groups.length; g++) {
            factors[g] = cholesky(gram[g], groups[g].length);
        }
        this.squaredNorms = footprints.stream().mapToDouble(f -> dot(f, f)).toArray();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Σ a·b over the pixels both boxes share. */
    public static double dot(Footprint a, Footprint b) {
        int x0 = Math.max(a.x0(), b.x0());
        int y0 = Math.max(a.y0(), b.y0());
        int x1 = Math.min(a.x0() + a.w(), b.x0() + b.w());
        int y1 = Math.min(a.y0() + a.h(), b.y0() + b.h());
        double s = 0;
        for (int y = y0; y < y1; y++) {
            int ia = (y - a.y0()) * a.w() - a.x0();
            int ib = (y - b.y0()) * b.w() - b.x0();
            for (int x = x0; x < x1; x++) {
                s += (double) a.weights()[ia + x] * b.weights()[ib + x];
            }
        }
        return s;
    }

    /** Lower Cholesky factor; a footprint without weight (singular) gets a tiny ridge instead of failing. */
    private static double[] cholesky(double[] a, int m) {
        double ridge = 0;
        for (int i = 0; i < m; i++) {
            ridge = Math.max(ridge, a[i * m + i]);
        }
        ridge = Math.max(ridge, 1) * 1e-9;
        double[] l = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * m + k] * l[j * m + k];
                }
                if (i == j) {
                    l[i * m + i] = Math.sqrt(Math.max(s, 0) + ridge);
                } else {
                    l[i * m + j] = s / l[j * m + j];
                }
            }
        }
        return l;
    }

    public int cells() {
        return footprints.size();
    }

    /** Writes Aᵀ image into {@code projections} (one value per cell). */
    public void project(float[] image, double[] projections) {
        for (int i = 0; i < footprints.size(); i++) {
            Footprint f = footprints.get(i);
            float[] wts = f.weights();
            double s = 0;
            for (int y = 0; y < f.h(); y++) {
                int row = (f.y0() + y) * width + f.x0();
                int k = y * f.w();
                for (int x = 0; x < f.w(); x++) {
                    s += wts[k + x] * image[row + x];
                }
            }
            projections[i] = s;
        }
    }

    /** Solves (AᵀA) c = p in place: {@code values} holds p on entry and c on return. */
    public void solve(double[] values) {
        for (int g = 0; g < groups.length; g++) {
            int[] cells = groups[g];
            int m = cells.length;
            double[] l = factors[g];
            double[] x = new double[m];
            for (int i = 0; i < m; i++) {
                double s = values[cells[i]];
                for (int k = 0; k < i; k++) {
                    s -= l[i * m + k] * x[k];
                }
                x[i] = s / l[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--) {
                double s = x[i];
                for (int k = i + 1; k < m; k++) {
                    s -= l[k * m + i] * x[k];
                }
                x[i] = s / l[i * m + i];
            }
            for (int i = 0; i < m; i++) {
                values[cells[i]] = x[i];
            }
        }
    }

    /**
     * The level of a smooth image (the background) under each footprint, each on its own: Σ w·image / Σ w², what
     * {@link #activity} gives a cell that touches no other. A joint solve would split a smooth image between
     * overlapping footprints arbitrarily (two near-identical ones can get large values of opposite sign), and the
     * background under a cell must be positive for ΔF/F.
     */
    public void levelUnder(float[] image, double[] out) {
        project(image, out);
        for (int i = 0; i < out.length && i < squaredNorms.length; i++) {
            out[i] = squaredNorms[i] > 0 ? out[i] / squaredNorms[i] : 0;
        }
    }

    /** The activity of every cell in {@code image}: project, then solve. */
    public void activity(float[] image, double[] out) {
        project(image, out);
        solve(out);
    }
}
