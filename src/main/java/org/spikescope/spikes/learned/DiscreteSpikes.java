package org.spikescope.spikes.learned;

import java.util.ArrayList;
import java.util.List;

/**
 * Discrete spike times from expected spikes per frame. The rate is split into events (runs of frames above a floor
 * of {@value #FLOOR_PER_SECOND} spikes/s); an event holding a mass of m spikes gets round(m) spikes, placed where
 * its cumulative mass crosses (k − ½)/round(m) of the whole, so that bursts keep their count and their spread.
 */
public final class DiscreteSpikes {

    /** Expected rates below this (spikes per second) separate events. */
    static final double FLOOR_PER_SECOND = 0.1;

    private DiscreteSpikes() {
    }

    /** Spike times in seconds, sorted; {@code time[t]} is frame t's time (NaN frames count as zero). */
    public static double[] times(double[] spikesPerFrame, double[] time, double frameRate) {
        double floor = FLOOR_PER_SECOND / frameRate;
        List<Double> out = new ArrayList<>();
        int n = spikesPerFrame.length;
        for (int start = 0; start < n; ) {
            if (!(spikesPerFrame[start] > floor)) {
                start++;
                continue;
            }
            int end = start;
            double mass = 0;
            while (end < n && spikesPerFrame[end] > floor) {
                mass += spikesPerFrame[end++];
            }
            long count = Math.round(mass);
            double cumulative = 0;
            int k = 1;
            for (int t = start; t < end && k <= count; t++) {
                cumulative += spikesPerFrame[t];
                while (k <= count && cumulative >= (k - 0.5) / count * mass) {
                    out.add(time[t]);
                    k++;
                }
            }
            start = end;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
