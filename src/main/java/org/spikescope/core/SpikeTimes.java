package org.spikescope.core;

import java.util.List;

/** Spike times of several cells, seconds on the recording's clock, each cell's sorted. */
public record SpikeTimes(List<String> cells, double[][] seconds) {

    public SpikeTimes {
        cells = List.copyOf(cells);
        if (cells.size() != seconds.length) {
            throw new IllegalArgumentException(cells.size() + " cells, " + seconds.length + " spike trains");
        }
        for (double[] s : seconds) {
            for (int i = 1; i < s.length; i++) {
                if (s[i] < s[i - 1]) {
                    throw new IllegalArgumentException("spike times must be sorted");
                }
            }
        }
    }
}
