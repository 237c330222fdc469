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
        Ar1Pools p = Ar1Pools.solve(y, g, lambda, sMin);
        double[] c = p.calcium(y.length, g);
        return new OasisFit(c, p.spikes(c, g));
    }

    /** ‖c − y‖² of the AR(1) solution, without building c: what the noise-constrained search needs. */
    public static double ar1Residual(double[] y, double g, double lambda, double sMin) {
        return Ar1Pools.solve(y, g, lambda, sMin).residual(y, g);
    }

    /**
     * AR(2) deconvolution; the roots d &gt; r of z² = g₁z + g₂ must be real with 0 ≤ r &lt; d &lt; 1.
     *
     * @see #ar1 for the parameters
     */
    public static OasisFit ar2(double[] y, double g1, double g2, double lambda, double sMin) {
        return ar2(y, new Ar2Kernel(g1, g2, y.length), lambda, sMin);
    }

    static OasisFit ar2(double[] y, Ar2Kernel k, double lambda, double sMin) {
        if (y.length < 3) {
            return ar1(y, k.d, lambda, sMin);
        }
        Ar2Pools p = Ar2Pools.solve(shifted(y, lambda, new double[]{k.g1, k.g2}), k, sMin);
        double[] c = p.calcium(y.length, k);
        return new OasisFit(c, p.spikes(c, k));
    }

    /** ‖c − y‖² of the AR(2) solution, without building c. */
    static double ar2Residual(double[] y, Ar2Kernel k, double lambda, double sMin) {
        if (y.length < 3) {
            return ar1Residual(y, k.d, lambda, sMin);
        }
        return Ar2Pools.solve(shifted(y, lambda, new double[]{k.g1, k.g2}), k, sMin).residual(y, k);
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

}
