package org.spikescope.spikes.learned;

import java.util.Arrays;

/**
 * A trace's noise level as CASCADE defines it (Rupprecht et al. 2021): ν = median |ΔF/F(t+1) − ΔF/F(t)| / √(frame
 * rate), in % ΔF/F (ΔF/F given as a fraction). It compares recordings at different frame rates: white noise of a
 * given standard deviation gives the same ν at any rate once its samples are averaged down to a common rate.
 */
public final class NoiseLevel {

    /** For white noise of standard deviation σ: median |x(t+1) − x(t)| = √2 · 0.6745 σ. */
    static final double MEDIAN_ABS_DIFFERENCE_PER_SIGMA = Math.sqrt(2) * 0.6744897501960817;

    private NoiseLevel() {
    }

    /** ν of {@code dff} (fractions; NaN frames skipped), or NaN when fewer than two consecutive frames are known. */
    public static double of(double[] dff, double frameRate) {
        double[] diffs = new double[Math.max(0, dff.length - 1)];
        int n = 0;
        for (int t = 1; t < dff.length; t++) {
            double d = dff[t] - dff[t - 1];
            if (!Double.isNaN(d)) {
                diffs[n++] = Math.abs(d);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] used = Arrays.copyOf(diffs, n);
        Arrays.sort(used);
        double median = n % 2 == 1 ? used[n / 2] : (used[n / 2 - 1] + used[n / 2]) / 2;
        return 100 * median / Math.sqrt(frameRate);
    }

    /** Standard deviation (ΔF/F fraction) of white noise whose ν at {@code frameRate} is {@code level}. */
    public static double sigmaOf(double level, double frameRate) {
        return level / 100 * Math.sqrt(frameRate) / MEDIAN_ABS_DIFFERENCE_PER_SIGMA;
    }
}
