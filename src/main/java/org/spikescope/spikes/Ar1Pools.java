package org.spikescope.spikes;

import java.util.Arrays;

/**
 * The pools of an AR(1) OASIS solution: pool i covers {@code len[i]} frames from {@code start[i]}, where
 * c = v[i]·g^k. Pools merge while the newest starts below the decayed end of the one before (plus s_min).
 */
final class Ar1Pools {

    double[] v;
    double[] w;
    double[] gl; // g^len
    int[] start;
    int[] len;
    int count;

    private Ar1Pools(int capacity) {
        v = new double[capacity];
        w = new double[capacity];
        gl = new double[capacity];
        start = new int[capacity];
        len = new int[capacity];
    }

    private void grow() {
        int size = v.length * 2;
        v = Arrays.copyOf(v, size);
        w = Arrays.copyOf(w, size);
        gl = Arrays.copyOf(gl, size);
        start = Arrays.copyOf(start, size);
        len = Arrays.copyOf(len, size);
    }

    static Ar1Pools solve(double[] y, double g, double lambda, double sMin) {
        int n = y.length;
        // the L1 penalty shifts every frame by λ(1 − g), the last one by λ
        double shift = lambda * (1 - g);
        Ar1Pools p = new Ar1Pools(Math.max(16, n / 8));
        for (int t = 0; t < n; t++) {
            if (p.count == p.v.length) {
                p.grow();
            }
            int k = p.count++;
            p.v[k] = y[t] - (t == n - 1 ? lambda : shift);
            p.w[k] = 1;
            p.gl[k] = g;
            p.start[k] = t;
            p.len[k] = 1;
            while (p.count > 1) {
                int i = p.count - 2;
                double gi = p.gl[i];
                if (p.v[i + 1] >= gi * p.v[i] + sMin) {
                    break;
                }
                double w2 = gi * gi * p.w[i + 1];
                p.v[i] = (p.w[i] * p.v[i] + gi * p.w[i + 1] * p.v[i + 1]) / (p.w[i] + w2);
                p.w[i] += w2;
                p.gl[i] *= p.gl[i + 1];
                p.len[i] += p.len[i + 1];
                p.count--;
            }
        }
        if (n > 0 && p.v[0] < 0) {
            p.v[0] = 0;
        }
        return p;
    }

    double[] calcium(int n, double g) {
        double[] c = new double[n];
        for (int i = 0; i < count; i++) {
            double value = Math.max(v[i], 0);
            int end = start[i] + len[i];
            for (int t = start[i]; t < end; t++) {
                c[t] = value;
                value *= g;
            }
        }
        return c;
    }

    /** Spikes sit at pool starts only: inside a pool s is zero by construction, whatever rounding says. */
    double[] spikes(double[] c, double g) {
        double[] s = new double[c.length];
        for (int i = 1; i < count; i++) {
            int t = start[i];
            s[t] = Math.max(0, c[t] - g * c[t - 1]);
        }
        return s;
    }

    double residual(double[] y, double g) {
        double rss = 0;
        for (int i = 0; i < count; i++) {
            double value = Math.max(v[i], 0);
            int end = start[i] + len[i];
            for (int t = start[i]; t < end; t++) {
                double d = y[t] - value;
                rss += d * d;
                value *= g;
            }
        }
        return rss;
    }

    /**
     * Residual and its change with λ for these pools held fixed: {R, P, Q} with
     * RSS(λ + Δ) = R + 2PΔ + QΔ². A pool's value moves as dv/dλ = −(1 − g^len)/w (−1/w for the pool holding the
     * last frame, whose penalty is λ, not λ(1 − g)); a clipped first pool does not move.
     */
    double[] residualAndSlope(double[] y, double g) {
        double rss = 0;
        double p = 0;
        double q = 0;
        for (int i = 0; i < count; i++) {
            double value = Math.max(v[i], 0);
            int end = start[i] + len[i];
            double projection = 0; // Σ g^k (y − c)
            double gk = 1;
            for (int t = start[i]; t < end; t++) {
                double d = y[t] - value;
                rss += d * d;
                projection += gk * d;
                value *= g;
                gk *= g;
            }
            boolean fixed = i == 0 && v[0] <= 0;
            double a = fixed ? 0 : (i == count - 1 ? 1 : 1 - gl[i]) / w[i];
            p += a * projection;
            q += a * a * w[i];
        }
        return new double[]{rss, p, q};
    }

    /**
     * The λ at which the residual reaches {@code target}: Newton-like steps on the quadratic residual of the
     * current pools (OASIS's update, Friedrich et al. 2017), refreshing the pools after each step, inside a
     * bracket that falls back to bisection when a step leaves it. 0 when λ = 0 already leaves more residual.
     */
    static double lambdaForResidual(double[] y, double g, double target, double tolerance, int maxSteps) {
        double lambda = 0;
        Ar1Pools pools = solve(y, g, 0, 0);
        double[] rpq = pools.residualAndSlope(y, g);
        if (rpq[0] >= target) {
            return 0;
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < maxSteps; step++) {
            double r = rpq[0];
            double p = rpq[1];
            double q = rpq[2];
            // RSS(λ + Δ) = target: Δ = (−P + √(P² − Q(R − target))) / Q
            double disc = p * p - q * (r - target);
            double next = q > 0 && disc >= 0 ? lambda + (-p + Math.sqrt(disc)) / q : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = Double.isInfinite(hi) ? Math.max(2 * lambda, 1e-12 + lambda * 2 + Math.sqrt(target / y.length))
                        : 0.5 * (lo + hi);
            }
            lambda = next;
            pools = solve(y, g, lambda, 0);
            rpq = pools.residualAndSlope(y, g);
            if (Math.abs(rpq[0] - target) < tolerance * target) {
                return lambda;
            }
            if (rpq[0] < target) {
                lo = lambda;
            } else {
                hi = lambda;
            }
        }
        return lo;
    }
}
