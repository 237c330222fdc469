package org.spikescope.detect;

import java.util.Arrays;

/** How clearly a trace rises above its noise. */
final class TraceQuality {

    private TraceQuality() {
    }

    /**
     * Peak over noise of the trace less its running mean over ±{@code driftFrames} (a slow drift has no peak), the
     * noise from the median absolute successive difference (robust to the sparse transients): for white noise,
     * median |d| = 0.6745·√2·σ.
     */
    static double snr(double[] x, double driftFrames) {
        int n = x.length;
        if (n < 3) {
            return 0;
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : Drift.removed(x, Math.max(1, (int) Math.round(driftFrames)))) {
            peak = Math.max(peak, v);
        }
        double[] d = new double[n - 1];
        for (int t = 1; t < n; t++) {
            d[t - 1] = Math.abs(x[t] - x[t - 1]);
        }
        Arrays.sort(d);
        double noise = d[d.length / 2] / (0.6745 * Math.sqrt(2));
        return noise > 0 ? peak / noise : 0;
    }
}
