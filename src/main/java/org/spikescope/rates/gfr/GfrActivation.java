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
        return maxFiringRate * Math.max(0, Math.tanh(polynomial(x)[1]));
    }

    /** The polynomial and its slope at u = (x − b)/σ, by Horner's scheme: {u, P(u), P'(u)}. */
    private double[] polynomial(double x) {
        double u = (x - threshold) / maxCurrent;
        double poly = 0;
        double slope = 0;
        for (int k = polyCoeff.length - 1; k >= 0; k--) {
            slope = slope * u + poly;
            poly = poly * u + polyCoeff[k] * polyCoeff[k];
        }
        return new double[] {u, poly, slope};
    }

    /** dg/dx, zero where the rate is clipped at zero. */
    public double derivative(double x) {
        double[] p = polynomial(x);
        double t = Math.tanh(p[1]);
        return t > 0 ? maxFiringRate * (1 - t * t) * p[2] / maxCurrent : 0;
    }

    /**
     * Gradient of g(x) in the coefficients (into {@code dCoeff}, added) and the threshold (returned), zero where
     * the rate is clipped at zero.
     */
    public double parameterGradient(double x, double weight, double[] dCoeff) {
        double[] p = polynomial(x);
        double u = p[0];
        double slope = p[2];
        double t = Math.tanh(p[1]);
        if (!(t > 0)) {
            return 0;
        }
        double outer = weight * maxFiringRate * (1 - t * t);
        double power = 1;
        for (int k = 0; k < polyCoeff.length; k++) {
            dCoeff[k] += outer * 2 * polyCoeff[k] * power;
            power *= u;
        }
        return -outer * slope / maxCurrent;
    }

    public GfrActivation with(double[] coeff, double b) {
        return new GfrActivation(maxCurrent, maxFiringRate, coeff, b, binSize);
    }
}
