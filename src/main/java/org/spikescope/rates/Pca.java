package org.spikescope.rates;

import org.spikescope.math.SymmetricEigen;

/**
 * Principal components of standardised activity, fitted on training trials only, keeping the fewest components
 * that explain at least the given share of the variance (BlechRNN keeps 95 %).
 *
 * @param mean       per-neuron mean the components are centred on
 * @param components {@code [component][neuron]}, orthonormal, strongest first
 * @param explained  share of the training variance each kept component explains
 */
public record Pca(double[] mean, double[][] components, double[] explained) {

    /** @param data {@code [trial][bin][neuron]}, already standardised */
    public static Pca fit(double[][][] data, int[] trainTrials, double keepVariance) {
        int neurons = data[trainTrials[0]][0].length;
        double[] mean = new double[neurons];
        long n = 0;
        for (int k : trainTrials) {
            for (double[] bin : data[k]) {
                for (int j = 0; j < neurons; j++) {
                    mean[j] += bin[j];
                }
                n++;
            }
        }
        for (int j = 0; j < neurons; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[neurons][neurons];
        for (int k : trainTrials) {
            for (double[] bin : data[k]) {
                for (int a = 0; a < neurons; a++) {
                    double da = bin[a] - mean[a];
                    for (int b = a; b < neurons; b++) {
                        cov[a][b] += da * (bin[b] - mean[b]);
                    }
                }
            }
        }
        for (int a = 0; a < neurons; a++) {
            for (int b = a; b < neurons; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] vectors = SymmetricEigen.vectors(cov);
        double[] values = SymmetricEigen.values(cov, vectors);
        int[] order = SymmetricEigen.descending(values);
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        int keep = 0;
        double sum = 0;
        while (keep < neurons && (keep == 0 || sum < keepVariance * total)) {
            sum += Math.max(0, values[order[keep]]);
            keep++;
        }
        double[][] components = new double[keep][neurons];
        double[] explained = new double[keep];
        for (int c = 0; c < keep; c++) {
            for (int j = 0; j < neurons; j++) {
                components[c][j] = vectors[j][order[c]];
            }
            explained[c] = total > 0 ? Math.max(0, values[order[c]]) / total : 0;
        }
        return new Pca(mean, components, explained);
    }

    /** Component scores of one bin. */
    public double[] project(double[] x) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += components[c][j] * (x[j] - mean[j]);
            }
            out[c] = s;
        }
        return out;
    }

    /** Back from component scores to standardised activity. */
    public double[] reconstruct(double[] scores) {
        double[] out = mean.clone();
        for (int c = 0; c < components.length; c++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += scores[c] * components[c][j];
            }
        }
        return out;
    }
}
