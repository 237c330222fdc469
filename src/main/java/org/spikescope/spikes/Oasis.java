package org.spikescope.spikes;

/**
 * OASIS, the online active-set method for sparse non-negative deconvolution (Friedrich, Zhou & Paninski 2017,
 * PLoS Comput Biol 13:e1005423): min ½‖c − y‖² + λ‖s‖₁ subject to s_t = c_t − g₁c_{t−1} (− g₂c_{t−2}) ≥ s_min
 * or = 0. Pools of time points that share one spike-free stretch are merged while they violate the constraint
 * (pool-adjacent violators), so AR(1) runs in linear time.
 *
 * <p>AR(2) here is linear time too: the AR(2) impulse response h_k = (d^{k+1} − r^{k+1})/(d − r) is a
 * difference of two geometric series, so each pool keeps the two sums Σ d^k y and Σ r^k y and a merge costs
 * O(1), where a direct implementation recomputes a dot product over the merged pool.
 */
public final class Oasis {

    private Oasis() {
    }

    /**
     * AR(1) deconvolution.
     *
     * @param y      trace with its baseline removed
     * @param g      decay per frame, 0 &lt; g &lt; 1
     * @param lambda L1 penalty (0 = none)
     * @param sMin   smallest allowed non-zero spike (0 = L1 only); an L0-like hard threshold
     */
    public static OasisFit ar1(double[] y, double g, double lambda, double sMin) {
        int n = y.length;
        if (n == 0) {
            return new OasisFit(new double[0], new double[0]);
        }
        Ar1Pools p = ar1Pools(y, g, lambda, sMin);
        double[] c = new double[n];
        for (int i = 0; i < p.count; i++) {
            double value = Math.max(p.v[i], 0);
            int end = p.start[i] + p.len[i];
            for (int t = p.start[i]; t < end; t++) {
                c[t] = value;
                value *= g;
            }
        }
        // spikes sit at pool starts only: inside a pool s is zero by construction (and rounding must not say else)
        double[] s = new double[n];
        for (int i = 1; i < p.count; i++) {
            int t = p.start[i];
            s[t] = Math.max(0, c[t] - g * c[t - 1]);
        }
        return new OasisFit(c, s);
    }

    /** ‖c − y‖² of the AR(1) solution, without building c: what the noise-constrained search needs. */
    public static double ar1Residual(double[] y, double g, double lambda, double sMin) {
        if (y.length == 0) {
            return 0;
        }
        Ar1Pools p = ar1Pools(y, g, lambda, sMin);
        double rss = 0;
        for (int i = 0; i < p.count; i++) {
            double value = Math.max(p.v[i], 0);
            int end = p.start[i] + p.len[i];
            for (int t = p.start[i]; t < end; t++) {
                double d = y[t] - value;
                rss += d * d;
                value *= g;
            }
        }
        return rss;
    }

    /** The pools of an AR(1) solution: pool i covers len[i] frames from start[i], c = v[i]·g^k there. */
    private static final class Ar1Pools {
        double[] v;
        double[] w;
        double[] gl; // g^len
        int[] start;
        int[] len;
        int count;

        Ar1Pools(int capacity) {
            v = new double[capacity];
            w = new double[capacity];
            gl = new double[capacity];
            start = new int[capacity];
            len = new int[capacity];
        }

        void grow() {
            int size = v.length * 2;
            v = java.util.Arrays.copyOf(v, size);
            w = java.util.Arrays.copyOf(w, size);
            gl = java.util.Arrays.copyOf(gl, size);
            start = java.util.Arrays.copyOf(start, size);
            len = java.util.Arrays.copyOf(len, size);
        }
    }

    private static Ar1Pools ar1Pools(double[] y, double g, double lambda, double sMin) {
        int n = y.length;
        // the L1 penalty shifts every frame by λ(1 − g), the last one by λ (see shifted())
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
            // merge backwards while the newest pool starts below the decayed end of the one before
            while (p.count > 1) {
                int i = p.count - 2;
                double gl = p.gl[i];
                if (p.v[i + 1] >= gl * p.v[i] + sMin) {
                    break;
                }
                double w2 = gl * gl * p.w[i + 1];
                p.v[i] = (p.w[i] * p.v[i] + gl * p.w[i + 1] * p.v[i + 1]) / (p.w[i] + w2);
                p.w[i] += w2;
                p.gl[i] *= p.gl[i + 1];
                p.len[i] += p.len[i + 1];
                p.count--;
            }
        }
        if (p.v[0] < 0) {
            p.v[0] = 0;
        }
        return p;
    }

    /**
     * AR(2) deconvolution; the roots d &gt; r of z² = g₁z + g₂ must be real with 0 ≤ r &lt; d &lt; 1.
     *
     * @see #ar1 for the parameters
     */
    public static OasisFit ar2(double[] y, double g1, double g2, double lambda, double sMin) {
        int n = y.length;
        double disc = g1 * g1 + 4 * g2;
        if (disc <= 0) {
            throw new IllegalArgumentException("AR(2) coefficients g1=" + g1 + ", g2=" + g2
                    + " have complex roots; expected a rise and a decay");
        }
        double d = (g1 + Math.sqrt(disc)) / 2;
        double r = (g1 - Math.sqrt(disc)) / 2;
        if (n < 3) {
            return ar1(y, d, lambda, sMin);
        }
        double[] yy = shifted(y, lambda, new double[]{g1, g2});
        // h[k] = response k frames after a unit spike; q[k] = response to the previous value c_{t−1} = 1
        double[] h = new double[n + 1];
        double[] q = new double[n + 1];
        double[] hh = new double[n + 1];
        double[] hq = new double[n + 1];
        double[] dPow = powers(d, n + 1);
        double[] rPow = powers(r, n + 1);
        for (int k = 0; k <= n; k++) {
            h[k] = Math.abs(d - r) > 1e-12 ? (dPow[k] * d - rPow[k] * r) / (d - r) : (k + 1) * dPow[k];
            q[k] = k == 0 ? 0 : g2 * h[k - 1];
            hh[k] = h[k] * h[k] + (k > 0 ? hh[k - 1] : 0);
            hq[k] = h[k] * q[k] + (k > 0 ? hq[k - 1] : 0);
        }
        double[] first = new double[n];   // c at the pool's start
        double[] last = new double[n];    // c at the pool's end
        double[] sumD = new double[n];    // Σ d^k y_{t+k}
        double[] sumR = new double[n];    // Σ r^k y_{t+k}
        double[] sumD2 = new double[n];   // Σ d^{2k}, for the first pool's pure decay
        int[] start = new int[n];
        int[] len = new int[n];
        int pools = 0;
        for (int t = 0; t < n; t++) {
            first[pools] = yy[t];
            last[pools] = yy[t];
            sumD[pools] = yy[t];
            sumR[pools] = yy[t];
            sumD2[pools] = 1;
            start[pools] = t;
            len[pools] = 1;
            if (pools == 0) {
                first[0] = Math.max(0, yy[0]);
                last[0] = first[0];
            }
            pools++;
            while (pools > 1) {
                int i = pools - 2;
                double predicted = i == 0 ? last[0] * d : h[len[i]] * first[i] + q[len[i]] * last[i - 1];
                if (predicted <= first[i + 1] - sMin) {
                    break;
                }
                // merge pool i+1 into pool i
                sumD[i] += dPow[len[i]] * sumD[i + 1];
                sumR[i] += rPow[len[i]] * sumR[i + 1];
                sumD2[i] += dPow[len[i]] * dPow[len[i]] * sumD2[i + 1];
                len[i] += len[i + 1];
                int l = len[i] - 1;
                if (i == 0) {
                    first[0] = Math.max(0, sumD[0] / sumD2[0]);
                    last[0] = first[0] * dPow[l];
                } else {
                    double dot = Math.abs(d - r) > 1e-12 ? (d * sumD[i] - r * sumR[i]) / (d - r)
                            : directDot(h, yy, start[i], len[i]);
                    first[i] = (dot - hq[l] * last[i - 1]) / hh[l];
                    last[i] = h[l] * first[i] + q[l] * last[i - 1];
                }
                pools--;
            }
        }
        double[] c = new double[n];
        double value = first[0];
        for (int k = 0; k < len[0]; k++) {
            c[k] = value;
            value *= d;
        }
        // each pool from its own closed form: running the recursion across pools would carry rounding from pool
        // to pool, amplified by the response to the previous value (|q_k| > 1), until c drifts away
        for (int i = 1; i < pools; i++) {
            int t0 = start[i];
            for (int k = 0; k < len[i]; k++) {
                c[t0 + k] = h[k] * first[i] + q[k] * last[i - 1];
            }
        }
        double[] s = new double[n];
        for (int i = 1; i < pools; i++) {
            int t = start[i];
            s[t] = Math.max(0, c[t] - g1 * c[t - 1] - g2 * (t >= 2 ? c[t - 2] : 0));
        }
        return new OasisFit(c, s);
    }

    /** Fallback for a double root, where the two-series trick does not apply. */
    private static double directDot(double[] h, double[] y, int start, int len) {
        double s = 0;
        for (int k = 0; k < len; k++) {
            s += h[k] * y[start + k];
        }
        return s;
    }

    /**
     * The L1 penalty as a shift of the data: λΣs_t = λ[(1 − Σg)Σc_t + end terms], so the problem becomes a
     * plain non-negative fit to y − λ(1 − Σg), with the last frames shifted by λ less the missing terms.
     */
    private static double[] shifted(double[] y, double lambda, double[] g) {
        int n = y.length;
        double[] out = new double[n];
        double sum = 0;
        for (double gk : g) {
            sum += gk;
        }
        for (int t = 0; t < n; t++) {
            out[t] = y[t] - lambda * (1 - sum);
        }
        if (lambda != 0) {
            // frame T−k is followed by only k−1 frames, so it misses the later g terms
            for (int k = 1; k <= g.length && k <= n; k++) {
                double partial = 0;
                for (int j = 0; j < k - 1; j++) {
                    partial += g[j];
                }
                out[n - k] = y[n - k] - lambda * (1 - partial);
            }
        }
        return out;
    }

    private static double[] powers(double base, int count) {
        double[] p = new double[count];
        double v = 1;
        for (int k = 0; k < count; k++) {
            p[k] = v;
            v *= base;
        }
        return p;
    }
}
