package org.spikescope.rates;

import java.util.List;

/**
 * The baselines a rate model must beat, as expected counts per bin ({@code [trial][bin][neuron]}): each trial's own
 * counts smoothed by a Gaussian kernel, and the condition PSTH (the mean over the training trials of the same label,
 * the same for every trial of that label). The kernel leaves out the bin it predicts: with it, smoothing would be
 * scored on the very spike it was given and beat even the true rates.
 */
public final class RateBaselines {

    private RateBaselines() {
    }

    /** @param sigmaBins kernel width in bins; the kernel is cut at 3σ and renormalised at the trial's edges */
    public static double[][][] gaussianSmoothing(double[][][] counts, double sigmaBins) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigmaBins));
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = i == 0 ? 0 : Math.exp(-0.5 * i * i / (sigmaBins * sigmaBins));
        }
        double[][][] out = new double[counts.length][][];
        for (int k = 0; k < counts.length; k++) {
            int bins = counts[k].length;
            int neurons = bins == 0 ? 0 : counts[k][0].length;
            out[k] = new double[bins][neurons];
            for (int t = 0; t < bins; t++) {
                double weight = 0;
                for (int i = -radius; i <= radius; i++) {
                    int u = t + i;
                    if (u < 0 || u >= bins) {
                        continue;
                    }
                    double w = kernel[i + radius];
                    weight += w;
                    for (int j = 0; j < neurons; j++) {
                        out[k][t][j] += w * counts[k][u][j];
                    }
                }
                for (int j = 0; j < neurons; j++) {
                    out[k][t][j] /= weight;
                }
            }
        }
        return out;
    }

    /** Every trial gets the mean of the training trials with its label (all training trials if none has it). */
    public static double[][][] conditionPsth(double[][][] counts, List<String> labels, int[] trainTrials) {
        int bins = counts[trainTrials[0]].length;
        int neurons = counts[trainTrials[0]][0].length;
        double[][][] out = new double[counts.length][][];
        for (int k = 0; k < counts.length; k++) {
            double[][] mean = new double[bins][neurons];
            int n = 0;
            for (int pass = 0; pass < 2 && n == 0; pass++) {
                for (int i : trainTrials) {
                    if (pass == 1 || labels.get(i).equals(labels.get(k))) {
                        for (int t = 0; t < bins; t++) {
                            for (int j = 0; j < neurons; j++) {
                                mean[t][j] += counts[i][t][j];
                            }
                        }
                        n++;
                    }
                }
            }
            for (double[] bin : mean) {
                for (int j = 0; j < neurons; j++) {
                    bin[j] /= n;
                }
            }
            out[k] = mean;
        }
        return out;
    }
}
