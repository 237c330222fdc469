package org.spikescope.rates.gfr;

import org.spikescope.core.SettingsCheck;

/**
 * How a GFR neuron is fitted.
 *
 * @param binSize           ms per bin of the dynamics
 * @param activationBinSize ms of response after each step onset the activation is fitted on; a whole number of bins
 * @param degree          the activation polynomial's degree
 * @param maxFiringRate   γ, spikes/s; 0 = the highest rate observed in a training bin
 * @param sparsity        C, the L1 penalty on α and β
 * @param learningRates   Adam step sizes tried for α and β; the one whose model scores best on validation wins
 * @param steps           Adam steps per learning rate
 * @param activationSteps Adam steps (step size 0.05) for the activation
 * @param validationShare share of the sweeps (or, with one sweep, of its bins, at the end) held out for validation
 */
public record GfrFitSettings(double binSize, double activationBinSize, int degree, double maxFiringRate, double sparsity, double[] learningRates,
                             int steps, int activationSteps, double validationShare) {

    /** The learning rates are copied in and out: the record stays immutable. */
    public GfrFitSettings {
        learningRates = learningRates == null ? new double[0] : learningRates.clone();
    }

    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    public static GfrFitSettings defaults() {
        return new GfrFitSettings(20, 20, 1, 0, 0, new double[] {0.001, 0.01, 0.1}, 500, 1000, 0.2);
    }

    public GfrFitSettings validate() {
        SettingsCheck check = new SettingsCheck("GFR fit settings");
        check.positive("binSize", binSize);
        double perBin = activationBinSize / binSize;
        check.require(perBin >= 1 && Math.abs(perBin - Math.rint(perBin)) < 1e-9, "activationBinSize ("
                + activationBinSize + " ms) must be a whole number of bins of " + binSize + " ms");
        check.require(degree >= 1 && degree <= 5, "degree must be 1 to 5 (got " + degree + ")");
        check.nonNegative("maxFiringRate", maxFiringRate);
        check.nonNegative("sparsity", sparsity);
        check.require(learningRates.length > 0 && java.util.Arrays.stream(learningRates).allMatch(r -> r > 0),
                "learningRates must be positive numbers");
        check.require(steps >= 1 && activationSteps >= 1, "steps and activationSteps must be 1 or more");
        check.require(validationShare > 0 && validationShare < 1, "validationShare must be between 0 and 1 (got "
                + validationShare + ")");
        check.done();
        return this;
    }
}
