package org.spikescope.cells;

import org.spikescope.core.FrameSource;

import java.util.Collection;

/**
 * A movie as the cell stages see it: its frames, the cell radius that sets the scale of the background, and the
 * frames to leave out (corrupted or damaged), which no estimate uses and whose trace values are interpolated.
 */
public record CellMovie(FrameSource source, double cellRadius, boolean[] excluded) {

    public CellMovie {
        if (excluded.length != source.frameCount()) {
            throw new IllegalArgumentException(excluded.length + " exclusion flags for " + source.frameCount()
                    + " frames");
        }
    }

    /** @param excluded frame indices to leave out (outside the movie: ignored) */
    public static CellMovie of(FrameSource source, double cellRadius, Collection<Integer> excluded) {
        boolean[] flags = new boolean[source.frameCount()];
        for (int t : excluded) {
            if (t >= 0 && t < flags.length) {
                flags[t] = true;
            }
        }
        return new CellMovie(source, cellRadius, flags);
    }

    public int width() {
        return source.width();
    }

    public int height() {
        return source.height();
    }

    public int frames() {
        return excluded.length;
    }

    public boolean used(int t) {
        return !excluded[t];
    }

    public int usedFrames() {
        int n = 0;
        for (boolean e : excluded) {
            n += e ? 0 : 1;
        }
        return n;
    }

    /** Replaces the values at excluded frames by linear interpolation between the nearest used ones. */
    public void interpolateExcluded(double[] x) {
        int n = x.length;
        int previous = -1;
        for (int t = 0; t <= n; t++) {
            if (t < n && excluded[t]) {
                continue;
            }
            if (t - previous > 1) {
                for (int k = previous + 1; k < t; k++) {
                    if (previous < 0 && t >= n) {
                        x[k] = 0;
                    } else if (previous < 0) {
                        x[k] = x[t];
                    } else if (t >= n) {
                        x[k] = x[previous];
                    } else {
                        x[k] = x[previous] + (x[t] - x[previous]) * (k - previous) / (t - previous);
                    }
                }
            }
            previous = t;
        }
    }
}
