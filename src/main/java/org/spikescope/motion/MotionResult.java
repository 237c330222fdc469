package org.spikescope.motion;

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
}
