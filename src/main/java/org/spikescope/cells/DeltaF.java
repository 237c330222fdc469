package org.spikescope.cells;

import java.util.Arrays;

/**
 * ΔF/F with a running baseline, as CaImAn's detrend_df_f: F0 is a low percentile of the trace in a sliding window
 * (it follows bleaching and slow drift but not the transients), and the denominator adds the background under the
 * cell, so that ΔF/F is relative to all the light the cell's pixels receive at rest:
 * ΔF/F = (raw − F0_raw) / (F0_raw + F0_background).
 */
public final class DeltaF {

    private DeltaF() {
    }

    /**
     * @param percentile   baseline percentile (0–100)
     * @param windowFrames sliding window length in frames
     */
    public static double[][] compute(CellTraces traces, double percentile, int windowFrames) {
        double[][] dff = new double[traces.cells()][];
        for (int i = 0; i < dff.length; i++) {
            double[] raw = traces.raw()[i];
            double[] f0 = runningPercentile(raw, percentile, windowFrames);
            double[] b0 = runningPercentile(traces.background()[i], percentile, windowFrames);
            double[] d = new double[raw.length];
            for (int t = 0; t < d.length; t++) {
                double denominator = f0[t] + b0[t];
                d[t] = denominator > 0 ? (raw[t] - f0[t]) / denominator : Double.NaN;
            }
            dff[i] = d;
        }
        return dff;
    }

    /**
     * The percentile of x in a window centred on each frame (clipped at the ends), evaluated every window/20
     * frames and interpolated linearly between: the baseline changes slowly, so this loses nothing that matters.
     */
    public static double[] runningPercentile(double[] x, double percentile, int windowFrames) {
        int n = x.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int half = Math.max(1, Math.min(n, windowFrames) / 2);
        int step = Math.max(1, windowFrames / 20);
        double[] buffer = new double[2 * half + 1];
        int previous = -1;
        double previousValue = 0;
        for (int t = 0; ; t = Math.min(n - 1, t + step)) {
            int from = Math.max(0, t - half);
            int to = Math.min(n, t + half + 1);
            int m = to - from;
            System.arraycopy(x, from, buffer, 0, m);
            Arrays.sort(buffer, 0, m);
            double rank = percentile / 100 * (m - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(m - 1, lo + 1);
            double value = buffer[lo] + (rank - lo) * (buffer[hi] - buffer[lo]);
            if (previous < 0) {
                out[t] = value;
            } else {
                for (int k = previous + 1; k <= t; k++) {
                    out[k] = previousValue + (value - previousValue) * (k - previous) / (t - previous);
                }
            }
            previous = t;
            previousValue = value;
            if (t == n - 1) {
                break;
            }
        }
        return out;
    }
}
