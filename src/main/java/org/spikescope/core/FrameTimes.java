package org.spikescope.core;

import java.util.Arrays;

/** Acquisition time of every stored frame, in seconds from the first frame. */
public final class FrameTimes {

    private final double[] seconds;

    public FrameTimes(double[] seconds) {
        for (int i = 1; i < seconds.length; i++) {
            if (!(seconds[i] >= seconds[i - 1])) {
                throw new IllegalArgumentException("frame times must not decrease: frame " + i + " is at "
                        + seconds[i] + " s after frame " + (i - 1) + " at " + seconds[i - 1] + " s");
            }
        }
        this.seconds = seconds.clone();
    }

    /** Evenly spaced times at {@code frameRate} Hz. */
    public static FrameTimes regular(int frames, double frameRate) {
        if (!(frameRate > 0)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
        double[] t = new double[frames];
        for (int i = 0; i < frames; i++) {
            t[i] = i / frameRate;
        }
        return new FrameTimes(t);
    }

    public int size() {
        return seconds.length;
    }

    public double at(int frame) {
        return seconds[frame];
    }

    public double[] toArray() {
        return seconds.clone();
    }

    /** Median frame interval, robust to dropped frames; NaN with fewer than two frames. */
    public double medianInterval() {
        if (seconds.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[seconds.length - 1];
        for (int i = 1; i < seconds.length; i++) {
            d[i - 1] = seconds[i] - seconds[i - 1];
        }
        Arrays.sort(d);
        int m = d.length / 2;
        return d.length % 2 == 1 ? d[m] : 0.5 * (d[m - 1] + d[m]);
    }

    /** Frame rate in Hz from the median interval. */
    public double frameRate() {
        return 1.0 / medianInterval();
    }
}
