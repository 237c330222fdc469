package org.spikescope.rates.gfr;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.math.Adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a GFR neuron to input currents and spike counts per bin, as GRNN does: first the activation on the first
 * bins of step-current responses (where the hidden states still equal the input), by Poisson likelihood; then α and
 * β with the activation frozen, starting from α = (n, 0, …), β = 0, by Poisson likelihood of every training bin
 * (plus an optional L1 penalty), for several learning rates, keeping the model that explains the validation data
 * best (EVR).
 */
public final class GfrFitting {

    private static final double ACTIVATION_LEARNING_RATE = 0.05;
    private static final int CHECK_EVERY = 25;
    /** Bins at zero current before a step for the hidden states to count as at rest (≥ 1 s at 20 ms bins). */
    private static final int REST_BINS = 50;

    private GfrFitting() {
    }

    /**
     * @param onsets         bins that began a current step (activation data)
     * @param learningRate   the step size whose model won
     * @param validationEvr  its EVR on the validation bins
     */
    public record Result(GfrCell cell, int onsets, double learningRate, double validationEvr, double trainLoss,
                         double validationLoss) {
    }

    /** @param currents {@code [sweep][bin]} pA; {@code counts} spikes in the same bins */
    public static Result fit(String cellId, String creLine, double[][] currents, double[][] counts,
                             GfrFitSettings s, ProgressListener progress) {
        s.validate();
        boolean[][] train = new boolean[currents.length][];
        boolean[][] validation = new boolean[currents.length][];
        split(currents, s.validationShare(), train, validation);
        double dt = s.binSize();
        double sigma = 0;
        double maxCount = 0;
        for (int k = 0; k < currents.length; k++) {
            for (int t = 0; t < currents[k].length; t++) {
                sigma = Math.max(sigma, Math.abs(currents[k][t]));
                if (train[k][t]) {
                    maxCount = Math.max(maxCount, counts[k][t]);
                }
            }
        }
        double gamma = s.maxFiringRate() > 0 ? s.maxFiringRate() / 1000 : maxCount / dt;
        if (!(sigma > 0) || !(gamma > 0)) {
            throw new InputException("the current is zero throughout or no spike falls in a training bin: nothing "
                    + "to fit");
        }
        progress.stage("Fitting the activation");
        int perPair = (int) Math.round(s.activationBinSize() / dt);
        List<double[]> pairs = onsetPairs(currents, counts, train, perPair);
        GfrActivation g = fitActivation(pairs, sigma, gamma, s, perPair * dt, progress);

        progress.stage("Fitting the dynamics");
        double[] lambda = GfrCell.decays(dt);
        int n = lambda.length;
        Result best = null;
        for (double rate : s.learningRates()) {
            double[] theta = new double[2 * n];
            theta[0] = n;
            Adam adam = new Adam(2 * n, rate);
            double[] gradient = new double[2 * n];
            double bestEvr = Double.NEGATIVE_INFINITY;
            double[] bestTheta = theta.clone();
            for (int step = 0; step <= s.steps(); step++) {
                progress.checkCancelled();
                GfrCell cell = cell(cellId, creLine, dt, theta, lambda, g);
                if (step % CHECK_EVERY == 0 || step == s.steps()) {
                    double evr = validationEvr(cell, currents, counts, validation);
                    if (evr > bestEvr || Double.isNaN(bestEvr)) {
                        bestEvr = evr;
                        bestTheta = theta.clone();
                    }
                }
                if (step == s.steps()) {
                    break;
                }
                GfrLikelihood.dynamics(cell, currents, counts, train, s.sparsity(), gradient);
                adam.step(theta, gradient, null);
            }
            GfrCell chosen = cell(cellId, creLine, dt, bestTheta, lambda, g);
            if (best == null || bestEvr > best.validationEvr()) {
                double trainLoss = GfrLikelihood.dynamics(chosen, currents, counts, train, 0, null);
                double validationLoss = GfrLikelihood.dynamics(chosen, currents, counts, validation, 0, null);
                best = new Result(withScores(chosen, bestEvr, trainLoss, validationLoss), pairs.size(), rate, bestEvr,
                        trainLoss, validationLoss);
            }
        }
        return best;
    }

    private static GfrCell cell(String id, String cre, double dt, double[] theta, double[] lambda, GfrActivation g) {
        int n = lambda.length;
        return new GfrCell(id, cre, dt, g.binSize(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Arrays.copyOf(theta, n), Arrays.copyOfRange(theta, n, 2 * n), lambda, g);
    }

    private static GfrCell withScores(GfrCell c, double valEvr, double trainLoss, double validationLoss) {
        return new GfrCell(c.cellId(), c.creLine(), c.binSize(), c.activationBinSize(), valEvr, Double.NaN,
                trainLoss, validationLoss, c.alpha(), c.beta(), c.lambda(), c.activation());
    }

    /** Later sweeps validate; with one sweep, its last bins do. */
    private static void split(double[][] currents, double share, boolean[][] train, boolean[][] validation) {
        int sweeps = currents.length;
        int held = sweeps > 1 ? Math.max(1, (int) Math.round(share * sweeps)) : 0;
        if (sweeps > 1 && held >= sweeps) {
            held = sweeps - 1;
        }
        for (int k = 0; k < sweeps; k++) {
            int bins = currents[k].length;
            train[k] = new boolean[bins];
            validation[k] = new boolean[bins];
            int from = sweeps > 1 ? (k >= sweeps - held ? 0 : bins) : (int) Math.round(bins * (1 - share));
            for (int t = 0; t < bins; t++) {
                validation[k][t] = t >= from;
                train[k][t] = !validation[k][t];
            }
        }
    }

    /**
     * (current, count) at the first bin of every step from rest in the training bins: the current was zero (within 2 %
     * of its range) since the sweep began or for at least {@link #REST_BINS} bins, then jumps and holds for two
     * more bins. The hidden states are then at rest, so the mean state is the input and the rate is g(I). Without
     * such steps, every training bin (the activation then absorbs the dynamics).
     */
    static List<double[]> onsetPairs(double[][] currents, double[][] counts, boolean[][] train, int binsPerPair) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] c : currents) {
            for (double v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double jump = 0.02 * (hi - lo);
        List<double[]> pairs = new ArrayList<>();
        for (int k = 0; k < currents.length; k++) {
            double[] c = currents[k];
            int hold = Math.max(3, binsPerPair);
            for (int t = 1; t + hold <= c.length; t++) {
                if (train[k][t] && Math.abs(c[t]) > jump && holds(c, t, hold) && atRest(c, t, jump)) {
                    double n = 0;
                    for (int u = t; u < t + binsPerPair; u++) {
                        n += counts[k][u];
                    }
                    pairs.add(new double[] {c[t], n});
                }
            }
        }
        if (pairs.size() < 3) {
            pairs.clear();
            for (int k = 0; k < currents.length; k++) {
                for (int t = 0; t + binsPerPair <= currents[k].length; t += binsPerPair) {
                    if (train[k][t] && holds(currents[k], t, binsPerPair)) {
                        double n = 0;
                        for (int u = t; u < t + binsPerPair; u++) {
                            n += counts[k][u];
                        }
                        pairs.add(new double[] {currents[k][t], n});
                    }
                }
            }
        }
        return pairs;
    }

    private static boolean holds(double[] c, int t, int bins) {
        for (int u = t + 1; u < t + bins; u++) {
            if (c[u] != c[t]) {
                return false;
            }
        }
        return true;
    }

    private static boolean atRest(double[] c, int t, double jump) {
        int from = Math.max(0, t - REST_BINS);
        if (from > 0 && t - from < REST_BINS) {
            return false;
        }
        for (int u = from; u < t; u++) {
            if (Math.abs(c[u]) > jump) {
                return false;
            }
        }
        return true;
    }

    /** Starts at the current where firing begins and the slope of rate against current above it. */
    private static GfrActivation fitActivation(List<double[]> pairs, double sigma, double gamma, GfrFitSettings s,
                                               double pairMs, ProgressListener progress) {
        double[] current = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] counts = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double threshold = Double.POSITIVE_INFINITY;
        for (int p = 0; p < current.length; p++) {
            if (counts[p] > 0) {
                threshold = Math.min(threshold, current[p]);
            }
        }
        threshold = Double.isFinite(threshold) ? threshold - 0.05 * sigma : 0;
        double sxy = 0;
        double sxx = 0;
        for (int p = 0; p < current.length; p++) {
            double x = current[p] - threshold;
            if (x > 0) {
                sxy += counts[p] / pairMs * x;
                sxx += x * x;
            }
        }
        double slope = sxx > 0 ? sxy / sxx : gamma / sigma;
        double[] coeff = new double[s.degree() + 1];
        Arrays.fill(coeff, 0.05);
        coeff[1] = Math.sqrt(Math.max(1e-4, slope * sigma / gamma));
        GfrActivation g = new GfrActivation(sigma, gamma, coeff, threshold, pairMs);
        double[] theta = Arrays.copyOf(coeff, coeff.length + 1);
        theta[coeff.length] = threshold;
        // the threshold moves in pA: scale its step to the current's range
        double[] gradient = new double[theta.length];
        Adam adam = new Adam(theta.length, ACTIVATION_LEARNING_RATE);
        for (int step = 0; step < s.activationSteps(); step++) {
            progress.checkCancelled();
            GfrLikelihood.activation(g, current, counts, pairMs, gradient);
            gradient[coeff.length] *= sigma;
            theta[coeff.length] /= sigma;
            adam.step(theta, gradient, null);
            theta[coeff.length] *= sigma;
            g = g.with(Arrays.copyOf(theta, coeff.length), theta[coeff.length]);
        }
        return g;
    }

    /**
     * EVR on the validation bins: sweeps with the same current are repeats; each group scores its repeats against
     * the model's rate, and the groups' EVRs are averaged.
     */
    static double validationEvr(GfrCell cell, double[][] currents, double[][] counts, boolean[][] validation) {
        List<Integer> done = new ArrayList<>();
        double sum = 0;
        int groups = 0;
        for (int first = 0; first < currents.length; first++) {
            int k = first;
            if (done.contains(k)) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            for (int j = k; j < currents.length; j++) {
                if (Arrays.equals(currents[j], currents[k]) && Arrays.equals(validation[j], validation[k])) {
                    group.add(j);
                }
            }
            done.addAll(group);
            int[] bins = java.util.stream.IntStream.range(0, currents[k].length).filter(t -> validation[k][t])
                    .toArray();
            if (bins.length < 2) {
                continue;
            }
            double[] f = GfrSimulation.simulate(cell, currents[k]);
            double[] predicted = Arrays.stream(bins).mapToDouble(t -> f[t]).toArray();
            double[][] repeats = new double[group.size()][];
            for (int r = 0; r < group.size(); r++) {
                double[] c = counts[group.get(r)];
                repeats[r] = Arrays.stream(bins).mapToDouble(t -> c[t] / cell.binSize()).toArray();
            }
            double evr = ExplainedVariance.evr(repeats, predicted);
            if (Double.isFinite(evr)) {
                sum += evr;
                groups++;
            }
        }
        return groups == 0 ? Double.NaN : sum / groups;
    }
}
