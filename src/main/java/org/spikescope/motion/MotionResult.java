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
 * @param framesAtSearchEdge good frames whose best shift lay on the rim of the shifts searched
 */
public record MotionResult(MotionSettings settings, int width, int height, double[] x, double[] y,
                           float[][] patchX, float[][] patchY, PatchGrid grid, int[] fallbacks,
                           float[] meanBefore, float[] meanAfter, int framesAtSearchEdge) {

    public int frames() {
        return x.length;
    }

    /** A share of frames above which the field is taken to move farther than {@code maxShift}. */
    static final double EDGE_SHARE = 0.01;

    /**
     * A warning when more than 1 % of the good frames' best shifts lay on the rim of the shifts searched: the field
     * moved farther than {@code maxShift}, and those frames (and what is found in them) are misplaced; empty if not.
     */
    public String searchWarning() {
        if (framesAtSearchEdge <= EDGE_SHARE * frames()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "warning: %d of %d frames moved to the edge of the shifts searched "
                + "(maxShift %.0f px): the field moves farther; correct again with a larger maxShift",
                framesAtSearchEdge, frames(), settings.maxShift());
    }

    /** Largest |shift| of any frame or patch, pixels: the widest band that corrected frames fill by edge copies. */
    public double largestShift() {
        double[] e = extremes();
        return Math.max(Math.max(-e[0], -e[1]), Math.max(e[2], e[3]));
    }

    /** The bands that corrected frames fill with edge copies in at least one frame: the shifts' extremes per side. */
    public CopiedBorder copiedBorder() {
        double[] e = extremes();
        return CopiedBorder.ofDisplacements(e[0], e[1], e[2], e[3]);
    }

    /** The most negative x and y and the most positive x and y of any frame or patch (0 if none goes that way). */
    private double[] extremes() {
        double[] extremes = {0, 0, 0, 0};
        for (int t = 0; t < x.length; t++) {
            widen(extremes, x[t], y[t]);
            if (patchX != null) {
                for (int p = 0; p < patchX[t].length; p++) {
                    widen(extremes, patchX[t][p], patchY[t][p]);
                }
            }
        }
        return extremes;
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
