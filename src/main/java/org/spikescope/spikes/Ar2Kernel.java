package org.spikescope.spikes;

/**
 * What AR(2) OASIS needs for given coefficients and trace length, computed once per cell and shared by every
 * run of the noise-constraint search: the roots d &gt; r, the response h_k to a spike, q_k to the previous value,
 * their running sums of squares and products, and the powers of both roots.
 */
final class Ar2Kernel {

    final double g1;
    final double g2;
    final double d;
    final double r;
    final double[] h;
    final double[] q;
    final double[] hh;
    final double[] hq;
    final double[] dPow;
    final double[] rPow;

    Ar2Kernel(double g1, double g2, int n) {
        double disc = g1 * g1 + 4 * g2;
        if (disc <= 0) {
            throw new IllegalArgumentException("AR(2) coefficients g1=" + g1 + ", g2=" + g2
                    + " have complex roots; expected a rise and a decay");
        }
        this.g1 = g1;
        this.g2 = g2;
        this.d = (g1 + Math.sqrt(disc)) / 2;
        this.r = (g1 - Math.sqrt(disc)) / 2;
        h = new double[n + 1];
        q = new double[n + 1];
        hh = new double[n + 1];
        hq = new double[n + 1];
        dPow = new double[n + 1];
        rPow = new double[n + 1];
        double pd = 1;
        double pr = 1;
        for (int k = 0; k <= n; k++) {
            dPow[k] = pd;
            rPow[k] = pr;
            h[k] = Math.abs(d - r) > 1e-12 ? (pd * d - pr * r) / (d - r) : (k + 1) * pd;
            q[k] = k == 0 ? 0 : g2 * h[k - 1];
            hh[k] = h[k] * h[k] + (k > 0 ? hh[k - 1] : 0);
            hq[k] = h[k] * q[k] + (k > 0 ? hq[k - 1] : 0);
            pd *= d;
            pr *= r;
        }
    }

    /** Frames the kernel covers. */
    int length() {
        return h.length - 1;
    }

    /** True when the two-series sum is exact (distinct roots); else pools fall back to a direct dot product. */
    boolean distinctRoots() {
        return Math.abs(d - r) > 1e-12;
    }
}
