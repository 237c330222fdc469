package org.spikescope.rates.gfr;

import java.util.List;

/** Runs GFR neurons on input currents exactly as their equations say, in double precision. */
public final class GfrSimulation {

    private GfrSimulation() {
    }

    /**
     * @param currentPa input current per bin (pA)
     * @return firing rate per bin, spikes/ms
     */
    public static double[] simulate(GfrCell cell, double[] currentPa) {
        int n = cell.hiddenStates();
        double[] h = new double[n];
        double[] f = new double[currentPa.length];
        double previous = 0;
        for (int t = 0; t < currentPa.length; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                h[i] = (1 - cell.lambda()[i]) * h[i] + cell.alpha()[i] * currentPa[t] + 1000 * cell.beta()[i] * previous;
                sum += h[i];
            }
            previous = cell.activation().apply(sum / n);
            f[t] = previous;
        }
        return f;
    }

    /** A batch of neurons, each on its own current: {@code rates[cell][bin]}. */
    public static double[][] simulate(List<GfrCell> cells, double[][] currentPa) {
        if (cells.size() != currentPa.length) {
            throw new IllegalArgumentException(cells.size() + " cells, " + currentPa.length + " currents");
        }
        double[][] out = new double[cells.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = simulate(cells.get(c), currentPa[c]);
        }
        return out;
    }
}
