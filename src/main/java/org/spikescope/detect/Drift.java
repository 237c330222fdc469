package org.spikescope.detect;

/**
 * Slow drifts in traces: the background under a cell, and the edges of vessels whose shading follows the global
 * light level, change over seconds, while calcium transients rise within a fraction of a second. Estimating
 * footprints and judging cells from the fast part of the traces keeps those drifts from being mistaken for cells.
 */
final class Drift {

    private Drift() {
    }

    /** x less its running mean over ±half frames (the window is clipped at the ends). */
    static double[] removed(double[] x, int half) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + x[t];
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int from = Math.max(0, t - half);
            int to = Math.min(n, t + half + 1);
            out[t] = x[t] - (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }
}
