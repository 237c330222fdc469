package org.spikescope.detect;

import java.util.Arrays;

/** How clearly a trace rises above its noise. */
final class TraceQuality {

    private TraceQuality() {
    }

    /**
     * Peak over noise of the trace less its drift and smoothed at the indicator's time scale ({@link Kinetics}: a
     * slow drift has no peak, a slow transient keeps its height while the noise averages out), the noise from the
     * median absolute successive difference of the trace as it is (robust to the sparse transients: for white
     * noise, median |d| = 0.6745·√2·σ), scaled by what the smoothing leaves of it.
     */
    static double snr(double[] x, Kinetics kinetics) {
        int n = x.length;
        if (n < 3) {
            return 0;
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : kinetics.fastSmoothed(x)) {
            peak = Math.max(peak, v);
        }
        double[] d = new double[n - 1];
        for (int t = 1; t < n; t++) {
            d[t - 1] = Math.abs(x[t] - x[t - 1]);
        }
        Arrays.sort(d);
        double noise = d[d.length / 2] / (0.6745 * Math.sqrt(2)) * kinetics.smoothedNoise();
        return noise > 0 ? peak / noise : 0;
    }
}
