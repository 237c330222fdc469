package org.spikescope.rates;

import org.spikescope.core.Trials;

import java.util.List;

/**
 * Spike counts per trial, time bin and neuron: {@code counts[trial][bin][neuron]}, bin k covering
 * [fromMs + k·binMs, fromMs + (k+1)·binMs) from each trial's start.
 */
public record BinnedTrials(Trials trials, List<String> neurons, double fromMs, double binMs, double[][][] counts) {

    public BinnedTrials {
        neurons = List.copyOf(neurons);
    }

    public int bins() {
        return counts.length == 0 ? 0 : counts[0].length;
    }

    /** Start of bin k relative to the trial start, ms. */
    public double binStartMs(int k) {
        return fromMs + k * binMs;
    }
}
