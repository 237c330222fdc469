package org.spikescope.rates.gfr;

/**
 * A GFR neuron's activation: g(x) = γ · ReLU(tanh(Σ_k c_k² ((x − b)/σ)^k)), from input current (pA) to firing rate
 * (spikes/ms). Squared coefficients keep every term's sign with its power of x.
 *
 * @param maxCurrent    σ, pA (fixed when fitting)
 * @param maxFiringRate γ, spikes/ms (fixed when fitting)
 * @param polyCoeff     c_0 … c_d
 * @param threshold     b, pA
 * @param binSize       ms, the activation's bin size
 */
public record GfrActivation(double maxCurrent, double maxFiringRate, double[] polyCoeff, double threshold,
                            double binSize) {

    public double apply(double x) {
        double u = (x - threshold) / maxCurrent;
        double poly = 0;
        for (int k = polyCoeff.length - 1; k >= 0; k--) {
            poly = poly * u + polyCoeff[k] * polyCoeff[k];
        }
        return maxFiringRate * Math.max(0, Math.tanh(poly));
    }
}
