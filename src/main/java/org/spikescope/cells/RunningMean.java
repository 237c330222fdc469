package org.spikescope.cells;

/** Running means of traces, O(1) per frame whatever the window. */
public final class RunningMean {

    private RunningMean() {
    }

    /** The mean of x over ±half frames around each frame (the window is clipped at the ends). */
    public static double[] of(double[] x, int half) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + x[t];
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int from = Math.max(0, t - half);
            int to = Math.min(n, t + half + 1);
            out[t] = (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }
}
