package org.spikescope.motion;

import java.util.Arrays;

/**
 * Turns per-patch shift estimates into a smooth field. Each estimate is trusted along each direction as much as
 * its correlation peak is sharp there (the peak's curvature, a Fisher-information-like 2×2 matrix): a patch with
 * one straight vessel pins the shift across the vessel but not along it, and there its neighbours decide. The
 * field minimises
 * <pre>  Σ_p (d_p − e_p)ᵀ A_p (d_p − e_p) + μ Σ_{p~q} |d_p − d_q|² + ε Σ_p |d_p − r|²</pre>
 * over the patch shifts d_p (e_p: estimates, A_p: curvatures scaled so that a typical patch has 1, p~q:
 * neighbouring patches, r: the frame's rigid shift, which only anchors patches that carry no information).
 */
final class PatchFieldFit {

    /** Weight of smoothness between neighbours against a typical patch's own estimate. */
    static final double SMOOTHNESS = 0.05;
    /** Pull towards the rigid shift: negligible unless a patch and its neighbours know nothing. */
    static final double ANCHOR = 0.01;
    private static final int SWEEPS = 100;

    private PatchFieldFit() {
    }

    /**
     * @param estimates  {x, y} per patch
     * @param curvatures {xx, yy, xy} per patch; all zero for a patch that carries no information
     * @return {x, y} per patch
     */
    static double[][] fit(int rows, int columns, double[][] estimates, double[][] curvatures, double rigidX,
                          double rigidY) {
        int n = estimates.length;
        double scale = typicalCurvature(curvatures);
        double[][] a = new double[n][3];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < 3; k++) {
                a[p][k] = scale > 0 ? curvatures[p][k] / scale : 0;
            }
        }
        double[][] d = new double[n][];
        for (int p = 0; p < n; p++) {
            d[p] = a[p][0] + a[p][1] > 0 ? estimates[p].clone() : new double[]{rigidX, rigidY};
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double change = 0;
            for (int p = 0; p < n; p++) {
                int r = p / columns;
                int c = p % columns;
                double sx = 0;
                double sy = 0;
                int neighbours = 0;
                int[][] around = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
                for (int[] q : around) {
                    if (q[0] >= 0 && q[0] < rows && q[1] >= 0 && q[1] < columns) {
                        double[] v = d[q[0] * columns + q[1]];
                        sx += v[0];
                        sy += v[1];
                        neighbours++;
                    }
                }
                double diagonal = SMOOTHNESS * neighbours + ANCHOR;
                double mxx = a[p][0] + diagonal;
                double myy = a[p][1] + diagonal;
                double mxy = a[p][2];
                double bx = a[p][0] * estimates[p][0] + a[p][2] * estimates[p][1] + SMOOTHNESS * sx + ANCHOR * rigidX;
                double by = a[p][2] * estimates[p][0] + a[p][1] * estimates[p][1] + SMOOTHNESS * sy + ANCHOR * rigidY;
                double det = mxx * myy - mxy * mxy;
                double nx = (myy * bx - mxy * by) / det;
                double ny = (mxx * by - mxy * bx) / det;
                change = Math.max(change, Math.abs(nx - d[p][0]) + Math.abs(ny - d[p][1]));
                d[p][0] = nx;
                d[p][1] = ny;
            }
            if (change < 1e-4) {
                break;
            }
        }
        return d;
    }

    /**
     * Gradient of the field at each patch, {∂dx/∂x, ∂dx/∂y, ∂dy/∂x, ∂dy/∂y}, by differences between neighbouring
     * patches (central inside, one-sided at the edges). Dimensionless, so shifts and centres may be in any one
     * unit: the centres come in frame pixels and are taken to the shifts' unit by {@code pixelsPerShiftUnit}.
     */
    static double[][] gradients(PatchGrid grid, double[][] field, double pixelsPerShiftUnit) {
        int rows = grid.rows();
        int columns = grid.columns();
        double[][] j = new double[field.length][4];
        for (int p = 0; p < field.length; p++) {
            int r = p / columns;
            int c = p % columns;
            int left = r * columns + Math.max(0, c - 1);
            int right = r * columns + Math.min(columns - 1, c + 1);
            int up = Math.max(0, r - 1) * columns + c;
            int down = Math.min(rows - 1, r + 1) * columns + c;
            for (int axis = 0; axis < 2; axis++) {
                if (right > left) {
                    j[p][2 * axis] = (field[right][axis] - field[left][axis]) * pixelsPerShiftUnit
                            / (grid.centreX(right) - grid.centreX(left));
                }
                if (down > up) {
                    j[p][2 * axis + 1] = (field[down][axis] - field[up][axis]) * pixelsPerShiftUnit
                            / (grid.centreY(down) - grid.centreY(up));
                }
            }
        }
        return j;
    }

    /** Median of the mean curvature (half the trace) over the patches that carry information. */
    private static double typicalCurvature(double[][] curvatures) {
        double[] t = Arrays.stream(curvatures).mapToDouble(c -> 0.5 * (c[0] + c[1])).filter(v -> v > 0).sorted()
                .toArray();
        return t.length == 0 ? 0 : t[t.length / 2];
    }
}
