package org.spikescope.core;

import java.util.List;

/**
 * Traces of several cells on a common time axis: {@code values[cell][frame]}. The first column of a traces table
 * is {@code time_s} (seconds) or {@code frame} (index), named by {@code timeColumn}.
 */
public record TraceSet(String timeColumn, double[] time, List<String> names, double[][] values) {

    public TraceSet {
        names = List.copyOf(names);
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " traces");
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != time.length) {
                throw new IllegalArgumentException("trace '" + names.get(c) + "' has " + values[c].length
                        + " frames, the time column " + time.length);
            }
        }
    }

    public int cells() {
        return values.length;
    }

    public int frames() {
        return time.length;
    }

    /** Frame rate in Hz: from the time column when it holds seconds, else {@code given}. */
    public double frameRate(double given) {
        if (given > 0) {
            return given;
        }
        if (!timeColumn.equals("time_s")) {
            throw new InputException("the first column is '" + timeColumn + "', not time_s: give the frame rate");
        }
        double rate = new FrameTimes(time).frameRate();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new InputException("the time_s column does not give a frame rate (median interval "
                    + 1 / rate + " s); give the frame rate");
        }
        return rate;
    }

    /** The same time axis with other values (e.g. spikes for traces). */
    public TraceSet with(double[][] newValues) {
        return new TraceSet(timeColumn, time, names, newValues);
    }
}
