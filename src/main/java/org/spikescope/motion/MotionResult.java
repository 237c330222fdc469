package org.spikescope.motion;

import org.spikescope.core.CopiedBorder;

/**
 * What motion correction measured.
 *
 * @param x            per frame: displacement of the content relative to the template, pixels (right positive)
 * @param y            per frame: the same downwards
 * @param patchX       per frame and patch (piecewise), else null
 * @param patchY       per frame and patch (piecewise), else null
 * @param grid         the patch layout (piecewise), else null
 * @param fallbacks    per frame: patches whose own estimate carried no information, filled from their neighbours
 * @param meanBefore   mean of the good frames as recorded
 * @param meanAfter    mean of the good frames corrected
 */
public record MotionResult(MotionSettings settings, int width, int height, double[] x, double[] y,
                           float[][] patchX, float[][] patchY, PatchGrid grid, int[] fallbacks,
                           float[] meanBefore, float[] meanAfter) {

    public int frames() {
        return x.length;
    }

    /** Largest |shift| of any frame or patch, pixels: the border that corrected frames fill by edge copies. */
    public double largestShift() {
        double m = 0;
        for (int t = 0; t < x.length; t++) {
            m = Math.max(m, Math.max(Math.abs(x[t]), Math.abs(y[t])));
            if (patchX != null) {
                for (int p = 0; p < patchX[t].length; p++) {
                    m = Math.max(m, Math.max(Math.abs(patchX[t][p]), Math.abs(patchY[t][p])));
                }
            }
        }
        return m;
    }

    /** The bands that corrected frames fill with edge copies in at least one frame: the shifts' extremes per side. */
    public CopiedBorder copiedBorder() {
        double[] extremes = {0, 0, 0, 0}; // most negative x, y; most positive x, y
        for (int t = 0; t < x.length; t++) {
            widen(extremes, x[t], y[t]);
            if (patchX != null) {
                for (int p = 0; p < patchX[t].length; p++) {
                    widen(extremes, patchX[t][p], patchY[t][p]);
                }
            }
        }
        return CopiedBorder.ofDisplacements(extremes[0], extremes[1], extremes[2], extremes[3]);
    }

    private static void widen(double[] extremes, double dx, double dy) {
        if (Double.isFinite(dx) && Double.isFinite(dy)) {
            extremes[0] = Math.min(extremes[0], dx);
            extremes[1] = Math.min(extremes[1], dy);
            extremes[2] = Math.max(extremes[2], dx);
            extremes[3] = Math.max(extremes[3], dy);
        }
    }
}
