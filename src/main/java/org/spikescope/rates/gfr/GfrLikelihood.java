package org.spikescope.rates.gfr;

/**
 * Poisson negative log-likelihood of spike counts per bin under GFR models, as PyTorch's PoissonNLLLoss (expected
 * count μ, loss μ − y·log(μ + 1e-8), mean over the counted bins), with exact gradients: back through time for the
 * dynamics (α, β with the activation frozen), and directly for the activation (coefficients and threshold).
 */
public final class GfrLikelihood {

    private static final double EPS = 1e-8;

    private GfrLikelihood() {
    }

    /**
     * Loss of the dynamics over sweeps (each starting from rest), plus {@code sparsity}·(Σ|α| + Σ|β|).
     *
     * @param counted  per sweep and bin whether the bin counts (training bins); null counts all
     * @param gradient receives dLoss/dα (first n) then dLoss/dβ (next n), overwritten; null for the loss alone
     */
    public static double dynamics(GfrCell cell, double[][] currents, double[][] counts, boolean[][] counted,
                                  double sparsity, double[] gradient) {
        int n = cell.hiddenStates();
        double dt = cell.binSize();
        long bins = 0;
        for (int s = 0; s < currents.length; s++) {
            for (int t = 0; t < currents[s].length; t++) {
                bins += counted == null || counted[s][t] ? 1 : 0;
            }
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0, 2 * n, 0);
        }
        double loss = 0;
        for (int s = 0; s < currents.length; s++) {
            double[] in = currents[s];
            double[] f = GfrSimulation.simulate(cell, in);
            double[] m = gradient == null ? null : meanStates(cell, in, f);
            double[] dfDirect = new double[in.length];
            for (int t = 0; t < in.length; t++) {
                if (counted != null && !counted[s][t]) {
                    continue;
                }
                double mu = f[t] * dt;
                loss += (mu - counts[s][t] * Math.log(mu + EPS)) / bins;
                dfDirect[t] = (dt - counts[s][t] * dt / (mu + EPS)) / bins;
            }
            if (gradient != null) {
                backThroughTime(cell, in, f, m, dfDirect, gradient);
            }
        }
        for (int i = 0; i < n; i++) {
            loss += sparsity * (Math.abs(cell.alpha()[i]) + Math.abs(cell.beta()[i]));
            if (gradient != null) {
                gradient[i] += sparsity * Math.signum(cell.alpha()[i]);
                gradient[n + i] += sparsity * Math.signum(cell.beta()[i]);
            }
        }
        return loss;
    }

    /** The mean hidden state per bin, replaying the simulation with its rates. */
    private static double[] meanStates(GfrCell cell, double[] in, double[] f) {
        int n = cell.hiddenStates();
        double[] h = new double[n];
        double[] m = new double[in.length];
        for (int t = 0; t < in.length; t++) {
            double previous = t > 0 ? f[t - 1] : 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                h[i] = (1 - cell.lambda()[i]) * h[i] + cell.alpha()[i] * in[t] + 1000 * cell.beta()[i] * previous;
                sum += h[i];
            }
            m[t] = sum / n;
        }
        return m;
    }

    /**
     * δf_t = ∂L/∂f_t + Σ_i δh_i(t+1)·1000β_i; δh_i(t) = g'(m_t)·δf_t / n + (1 − λ_i)·δh_i(t+1);
     * dα_i = Σ_t δh_i(t)·I_t; dβ_i = Σ_t δh_i(t)·1000·f_{t−1}.
     */
    private static void backThroughTime(GfrCell cell, double[] in, double[] f, double[] m, double[] dfDirect,
                                        double[] gradient) {
        int n = cell.hiddenStates();
        double[] next = new double[n];
        for (int t = in.length - 1; t >= 0; t--) {
            double df = dfDirect[t];
            for (int i = 0; i < n; i++) {
                df += next[i] * 1000 * cell.beta()[i];
            }
            double dm = df * cell.activation().derivative(m[t]) / n;
            double previous = t > 0 ? f[t - 1] : 0;
            for (int i = 0; i < n; i++) {
                double dh = dm + (1 - cell.lambda()[i]) * next[i];
                gradient[i] += dh * in[t];
                gradient[n + i] += dh * 1000 * previous;
                next[i] = dh;
            }
        }
    }

    /**
     * Loss of an activation on (current, count) pairs, each count taken over {@code dt} ms; gradient in the
     * coefficients then the threshold (overwritten), or null.
     */
    public static double activation(GfrActivation g, double[] current, double[] counts, double dt,
                                    double[] gradient) {
        int k = g.polyCoeff().length;
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0, k + 1, 0);
        }
        double[] dCoeff = new double[k];
        double loss = 0;
        for (int p = 0; p < current.length; p++) {
            double mu = g.apply(current[p]) * dt;
            loss += (mu - counts[p] * Math.log(mu + EPS)) / current.length;
            if (gradient != null) {
                double w = (1 - counts[p] / (mu + EPS)) * dt / current.length;
                gradient[k] += g.parameterGradient(current[p], w, dCoeff);
            }
        }
        if (gradient != null) {
            System.arraycopy(dCoeff, 0, gradient, 0, k);
        }
        return loss;
    }
}
