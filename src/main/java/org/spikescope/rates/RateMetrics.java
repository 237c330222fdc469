package org.spikescope.rates;

/**
 * How well predicted rates explain held-out spike counts ({@code [trial][bin][neuron]}, rates as expected counts per
 * bin). Bits per spike as the Neural Latents Benchmark defines it: (NLL_null − NLL_model) / (spikes · ln 2), with
 * Poisson negative log-likelihoods and the null predicting each neuron's mean count per bin over the evaluated
 * trials; positive when the model beats a flat rate. MSE between predicted and observed counts.
 */
public final class RateMetrics {

    /** Rates are floored here so that a predicted zero under an observed spike costs much but stays finite. */
    private static final double FLOOR = 1e-9;

    private RateMetrics() {
    }

    public static double bitsPerSpike(double[][][] counts, double[][][] rates, int[] trials) {
        int neurons = counts[trials[0]][0].length;
        double[] mean = new double[neurons];
        long bins = 0;
        double spikes = 0;
        for (int k : trials) {
            for (double[] bin : counts[k]) {
                for (int j = 0; j < neurons; j++) {
                    mean[j] += bin[j];
                    spikes += bin[j];
                }
                bins++;
            }
        }
        for (int j = 0; j < neurons; j++) {
            mean[j] /= bins;
        }
        double model = 0;
        double nullModel = 0;
        for (int k : trials) {
            for (int t = 0; t < counts[k].length; t++) {
                for (int j = 0; j < neurons; j++) {
                    double y = counts[k][t][j];
                    model += nll(y, rates[k][t][j]);
                    nullModel += nll(y, mean[j]);
                }
            }
        }
        return spikes > 0 ? (nullModel - model) / (spikes * Math.log(2)) : Double.NaN;
    }

    /** Poisson negative log-likelihood without the log(y!) term, which cancels between models. */
    private static double nll(double y, double rate) {
        double r = Math.max(rate, FLOOR);
        return r - y * Math.log(r);
    }

    public static double mse(double[][][] counts, double[][][] rates, int[] trials) {
        double sum = 0;
        long n = 0;
        for (int k : trials) {
            for (int t = 0; t < counts[k].length; t++) {
                for (int j = 0; j < counts[k][t].length; j++) {
                    double d = counts[k][t][j] - rates[k][t][j];
                    sum += d * d;
                    n++;
                }
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }
}
