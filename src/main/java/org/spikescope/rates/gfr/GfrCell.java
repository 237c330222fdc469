package org.spikescope.rates.gfr;

/**
 * One GFR neuron as the Allen Institute's GRNN dataset stores it: h_i(t) = (1 − λ_i) h_i(t−1) + α_i I_t
 * + 1000 β_i f_{t−1}, f_t = g(mean_i h_i(t)), with I in pA and f in spikes/ms, h and f zero before the first bin.
 *
 * @param cellId            the Allen Cell Types specimen id
 * @param creLine           the transgenic line, as the dataset names it
 * @param binSize           ms per step of the dynamics (Δt, absorbed into α and β)
 * @param activationBinSize ms per bin the activation was fitted at
 * @param valEvr            explained-variance ratio on the validation sweep (first noise stimulus)
 * @param testEvr           on the test sweep (second noise stimulus)
 * @param alpha             input weights α_i
 * @param beta              feedback weights β_i
 * @param lambda            decay per step λ_i ({@link #decays})
 */
public record GfrCell(String cellId, String creLine, double binSize, double activationBinSize, double valEvr,
                      double testEvr, double trainLoss, double testLoss, double[] alpha, double[] beta,
                      double[] lambda, GfrActivation activation) {

    public GfrCell {
        if (alpha.length != lambda.length || beta.length != lambda.length || lambda.length == 0) {
            throw new IllegalArgumentException("cell " + cellId + ": " + alpha.length + " α, " + beta.length + " β and "
                    + lambda.length + " λ: one of each per hidden state");
        }
    }

    /** Time constants of the hidden states, ms (the first state has none: it forgets at once). */
    public static final double[] TIME_CONSTANTS_MS = {10, 20, 50, 100, 200, 500, 1000, 2000};

    /** λ = [1] followed by 1 − exp(−Δt/τ) for every time constant τ ≥ Δt. */
    public static double[] decays(double binMs) {
        double[] out = new double[1 + TIME_CONSTANTS_MS.length];
        int n = 0;
        out[n++] = 1;
        for (double tau : TIME_CONSTANTS_MS) {
            if (tau >= binMs) {
                out[n++] = 1 - Math.exp(-binMs / tau);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public int hiddenStates() {
        return lambda.length;
    }
}
