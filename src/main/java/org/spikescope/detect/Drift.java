package org.spikescope.detect;

import org.spikescope.cells.RunningMean;

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
        double[] mean = RunningMean.of(x, half);
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t] - mean[t];
        }
        return out;
    }
}
