package org.spikescope.math;

/** Standardised moments of a series. */
public final class Moments {

    private Moments() {
    }

    /** Skewness (third standardised moment): sparse transients on a baseline give a large one; 0 when flat. */
    public static double skewness(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, n);
        double m2 = 0;
        double m3 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        return m2 > 0 ? m3 / n / Math.pow(m2 / n, 1.5) : 0;
    }
}
