package org.spikescope.rates.rnn;

import org.spikescope.rates.Pca;
import org.spikescope.rates.ZScore;

/**
 * BlechRNN's preprocessing of binned counts, fitted on the training trials only: each neuron z-scored, then
 * (optionally) principal components; the network's inputs are those components plus two context inputs, a one-hot
 * stimulus marker and the trial's number scaled to [0, 1]; its targets are the components {@code forecastBins} bins
 * later. The inverse maps the network's outputs back to expected counts per bin.
 *
 * @param zScore       per-neuron standardisation
 * @param pca          components, or null when the network sees every neuron
 * @param bins         bins per trial window
 * @param forecastBins bins the network looks ahead
 * @param stimulusBin  the bin the stimulus marker flags, or −1 for none (continuous recordings)
 */
public record RnnPreprocessing(ZScore zScore, Pca pca, int bins, int forecastBins, int stimulusBin) {

    /** @param counts {@code [trial][bin][neuron]}; {@code train} indexes it */
    public static RnnPreprocessing fit(double[][][] counts, int[] train, RnnSettings settings, int stimulusBin) {
        ZScore z = ZScore.fit(counts, train);
        Pca pca = null;
        if (settings.usePca()) {
            double[][][] standard = new double[counts.length][][];
            for (int k : train) {
                standard[k] = standardise(z, counts[k]);
            }
            pca = Pca.fit(standard, train, settings.pcaVariance());
        }
        return new RnnPreprocessing(z, pca, counts[train[0]].length, settings.forecastBins(), stimulusBin);
    }

    private static double[][] standardise(ZScore z, double[][] trial) {
        double[][] out = new double[trial.length][];
        for (int t = 0; t < trial.length; t++) {
            out[t] = z.apply(trial[t]);
        }
        return out;
    }

    /** Components (or standardised neurons) the network forecasts. */
    public int outputs() {
        return pca == null ? zScore.mean().length : pca.components().length;
    }

    public int inputs() {
        return outputs() + 2;
    }

    /** Steps of each sequence the network runs: the window less the forecast horizon. */
    public int steps() {
        return bins - forecastBins;
    }

    private double[][] components(double[][] trial) {
        double[][] z = standardise(zScore, trial);
        if (pca != null) {
            for (int t = 0; t < z.length; t++) {
                z[t] = pca.project(z[t]);
            }
        }
        return z;
    }

    /**
     * Inputs for the given trials, {@code [trial][step][input]}: bins 0 … steps−1.
     *
     * @param trialNumbers each trial's number in its group scaled to [0, 1] (BlechRNN's trial input)
     */
    public double[] inputs(double[][][] counts, int[] trials, double[] trialNumbers) {
        int nIn = inputs();
        int nOut = outputs();
        double[] out = new double[trials.length * steps() * nIn];
        for (int s = 0; s < trials.length; s++) {
            double[][] c = components(counts[trials[s]]);
            for (int t = 0; t < steps(); t++) {
                int row = (s * steps() + t) * nIn;
                System.arraycopy(c[t], 0, out, row, nOut);
                out[row + nOut] = t == stimulusBin ? 1 : 0;
                out[row + nOut + 1] = trialNumbers[s];
            }
        }
        return out;
    }

    /** Targets for the given trials, {@code [trial][step][output]}: bins forecastBins … bins−1. */
    public double[] targets(double[][][] counts, int[] trials) {
        int nOut = outputs();
        double[] out = new double[trials.length * steps() * nOut];
        for (int s = 0; s < trials.length; s++) {
            double[][] c = components(counts[trials[s]]);
            for (int t = 0; t < steps(); t++) {
                System.arraycopy(c[t + forecastBins], 0, out, (s * steps() + t) * nOut, nOut);
            }
        }
        return out;
    }

    /** One step's network output back to expected spike counts per bin of every neuron. */
    public double[] toCounts(double[] output, int offset) {
        double[] v = java.util.Arrays.copyOfRange(output, offset, offset + outputs());
        return zScore.invert(pca == null ? v : pca.reconstruct(v));
    }
}
