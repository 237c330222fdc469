package org.spikescope.rates;

/**
 * Per-neuron standardisation fitted on training trials only: (x − mean) / sd over all their bins (a neuron that
 * never varies keeps sd 1, so it maps to 0 instead of dividing by zero).
 */
public record ZScore(double[] mean, double[] sd) {

    /** @param data {@code [trial][bin][neuron]} */
    public static ZScore fit(double[][][] data, int[] trainTrials) {
        int neurons = data[trainTrials[0]][0].length;
        double[] mean = new double[neurons];
        double[] square = new double[neurons];
        long n = 0;
        for (int k : trainTrials) {
            for (double[] bin : data[k]) {
                for (int j = 0; j < neurons; j++) {
                    mean[j] += bin[j];
                    square[j] += bin[j] * bin[j];
                }
                n++;
            }
        }
        double[] sd = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            mean[j] /= n;
            double var = square[j] / n - mean[j] * mean[j];
            sd[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
        return new ZScore(mean, sd);
    }

    public double[] apply(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - mean[j]) / sd[j];
        }
        return out;
    }

    public double[] invert(double[] z) {
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j] * sd[j] + mean[j];
        }
        return out;
    }
}
