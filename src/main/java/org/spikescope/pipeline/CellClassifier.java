package org.spikescope.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.spikescope.core.InputException;
import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;
import org.spikescope.math.LinearSolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which cells a user would reject, learned from their decisions: logistic regression on {@link CellFeatures}
 * (standardised by the training cells' means and SDs; a missing feature counts as the mean), L2-penalised, fitted
 * by Newton's method. Kept as JSON: the feature names, their means and SDs, the weights and what it was trained on.
 *
 * @param threshold a cell whose probability of rejection reaches it is rejected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CellClassifier(int format, List<String> features, double[] mean, double[] sd, double[] weights,
                             double bias, double threshold, int cells, int rejected, List<String> trainedOn) {

    static final int FORMAT = 1;
    private static final double L2 = 1.0;
    private static final int NEWTON_STEPS = 50;

    static CellClassifier fit(double[][] x, boolean[] reject, List<String> trainedOn) {
        int n = x.length;
        int k = CellFeatures.NAMES.size();
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            int m = 0;
            for (double[] row : x) {
                if (Double.isFinite(row[j])) {
                    mean[j] += row[j];
                    m++;
                }
            }
            mean[j] = m > 0 ? mean[j] / m : 0;
            for (double[] row : x) {
                if (Double.isFinite(row[j])) {
                    sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
            sd[j] = m > 1 && sd[j] > 0 ? Math.sqrt(sd[j] / (m - 1)) : 1;
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardised(x[i], mean, sd);
        }
        // Newton's method on the penalised log-likelihood (the bias unpenalised): k + 1 unknowns
        double[] w = new double[k + 1];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] grad = new double[k + 1];
            double[][] hess = new double[k + 1][k + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, z[i]));
                double r = (reject[i] ? 1 : 0) - p;
                double v = p * (1 - p);
                for (int a = 0; a <= k; a++) {
                    double za = a < k ? z[i][a] : 1;
                    grad[a] += r * za;
                    for (int b = 0; b <= k; b++) {
                        hess[a][b] += v * za * (b < k ? z[i][b] : 1);
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                grad[a] -= L2 * w[a];
                hess[a][a] += L2;
            }
            hess[k][k] += 1e-9;
            double[] delta = LinearSolve.solve(hess, grad);
            if (delta == null) {
                break; // cannot happen with the penalty on every weight; the last step stands
            }
            double size = 0;
            for (int a = 0; a <= k; a++) {
                w[a] += delta[a];
                size = Math.max(size, Math.abs(delta[a]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        int rejected = 0;
        for (boolean r : reject) {
            rejected += r ? 1 : 0;
        }
        return new CellClassifier(FORMAT, CellFeatures.NAMES, mean, sd, java.util.Arrays.copyOf(w, k), w[k], 0.5, n,
                rejected, List.copyOf(trainedOn));
    }

    /** Probability that the user would reject a cell of these features. */
    public double rejection(double[] features) {
        double[] z = standardised(features, mean, sd);
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * z[j];
        }
        return sigmoid(s);
    }

    private static double[] standardised(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = Double.isFinite(x[j]) ? (x[j] - mean[j]) / sd[j] : 0;
        }
        return z;
    }

    private static double dot(double[] w, double[] z) {
        double s = w[w.length - 1];
        for (int j = 0; j < z.length; j++) {
            s += w[j] * z[j];
        }
        return s;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    public void save(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValue(temp.toFile(), this));
    }

    public static CellClassifier load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'classifier': " + file + ": no such file");
        }
        CellClassifier c;
        try {
            c = Json.MAPPER.readValue(file.toFile(), CellClassifier.class);
        } catch (IOException e) {
            throw new InputException("parameter 'classifier': " + file + ": not a cell classifier (" + e.getMessage()
                    + ")");
        }
        int k = CellFeatures.NAMES.size();
        if (c.format() != FORMAT || !CellFeatures.NAMES.equals(c.features()) || c.mean() == null
                || c.mean().length != k || c.sd() == null || c.sd().length != k || c.weights() == null
                || c.weights().length != k) {
            throw new InputException("parameter 'classifier': " + file + ": expected format " + FORMAT
                    + " with the features " + CellFeatures.NAMES + " (written by Train Cell Classifier)");
        }
        return c;
    }
}
