package org.spikescope.decode;

import org.spikescope.math.Adam;

/**
 * L2-regularised multinomial logistic regression on standardised features (means and deviations from the training
 * trials): minimises the summed cross-entropy plus ½‖W‖²/C, as scikit-learn's LogisticRegression(C) does, by full
 * batch Adam.
 */
public final class LogisticDecoder implements Decoder {

    private final double c;
    private final int steps;

    /** @param c inverse regularisation strength (scikit-learn's C) */
    public LogisticDecoder(double c, int steps) {
        this.c = c;
        this.steps = steps;
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public Fitted fit(double[][] x, int[] y, int classes) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 1;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        // weights [class][feature] then biases [class]; the objective is divided by n for a steady step size
        double[] w = new double[classes * d + classes];
        double[] g = new double[w.length];
        Adam adam = new Adam(w.length, 0.05);
        double[] p = new double[classes];
        for (int step = 0; step < steps; step++) {
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                probabilities(w, z[i], classes, d, p);
                for (int k = 0; k < classes; k++) {
                    double e = (p[k] - (y[i] == k ? 1 : 0)) / n;
                    for (int j = 0; j < d; j++) {
                        g[k * d + j] += e * z[i][j];
                    }
                    g[classes * d + k] += e;
                }
            }
            for (int k = 0; k < classes * d; k++) {
                g[k] += w[k] / (c * n);
            }
            adam.step(w, g, null);
        }
        return features -> {
            double[] zz = new double[d];
            for (int j = 0; j < d; j++) {
                zz[j] = (features[j] - mean[j]) / sd[j];
            }
            double[] q = new double[classes];
            probabilities(w, zz, classes, d, q);
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (q[k] > q[best]) {
                    best = k;
                }
            }
            return best;
        };
    }

    /** Softmax of the class scores, shifted by the largest for stability. */
    private static void probabilities(double[] w, double[] z, int classes, int d, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double s = w[classes * d + k];
            for (int j = 0; j < d; j++) {
                s += w[k * d + j] * z[j];
            }
            p[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
    }
}
