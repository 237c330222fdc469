package org.spikescope.spikes;

import java.util.Arrays;

/** Makes a raw ΔF/F trace ready for deconvolution: NaN gaps bridged, slow baseline drift removed. */
public final class TracePreparation {

    private TracePreparation() {
    }

    /**
     * Linear interpolation across NaN gaps; NaNs at the ends take the nearest value.
     * Returns null when the trace holds no number at all.
     */
    public static double[] bridgeNaNs(double[] y) {
        int n = y.length;
        double[] out = y.clone();
        int previous = -1;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(out[t])) {
                continue;
            }
            if (previous < 0) {
                Arrays.fill(out, 0, t, out[t]);
            } else if (t - previous > 1) {
                for (int k = previous + 1; k < t; k++) {
                    double f = (double) (k - previous) / (t - previous);
                    out[k] = (1 - f) * out[previous] + f * out[t];
                }
            }
            previous = t;
        }
        if (previous < 0) {
            return null;
        }
        Arrays.fill(out, previous + 1, n, out[previous]);
        return out;
    }

    /**
     * A slowly drifting baseline: the given low percentile in windows of {@code window} frames, taken every
     * window/4 frames and interpolated linearly between window centres.
     */
    public static double[] runningPercentile(double[] y, int window, double percentile) {
        int n = y.length;
        int w = Math.max(3, Math.min(window, n));
        int step = Math.max(1, w / 4);
        int knots = (n - 1) / step + 1;
        double[] centre = new double[knots];
        double[] level = new double[knots];
        double[] buffer = new double[w];
        for (int k = 0; k < knots; k++) {
            int c = Math.min(n - 1, k * step);
            int a = Math.max(0, Math.min(c - w / 2, n - w));
            System.arraycopy(y, a, buffer, 0, w);
            Arrays.sort(buffer);
            centre[k] = c;
            level[k] = buffer[(int) Math.round(percentile / 100 * (w - 1))];
        }
        double[] b = new double[n];
        int k = 0;
        for (int t = 0; t < n; t++) {
            while (k + 1 < knots && centre[k + 1] <= t) {
                k++;
            }
            if (k + 1 >= knots) {
                b[t] = level[knots - 1];
            } else {
                double f = (t - centre[k]) / (centre[k + 1] - centre[k]);
                b[t] = (1 - f) * level[k] + f * level[k + 1];
            }
        }
        return b;
    }
}
