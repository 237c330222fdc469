package org.spikescope.rates.rnn;

import org.spikescope.rates.BinnedTrials;
import org.spikescope.rates.RateBaselines;
import org.spikescope.rates.RateMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The RNN's rates beside the baselines on the held-out trials, over the bins the RNN predicts: Poisson bits per
 * spike (Neural Latents Benchmark) and MSE of counts per bin. Negative RNN outputs (an MSE regression allows them)
 * count as zero. The smoothing kernel's width is the one that scores best on the training trials.
 */
public final class RateComparison {

    /** Smoothing widths tried, in bins. */
    private static final double[] SIGMAS = {1, 2, 4, 8, 16};

    private RateComparison() {
    }

    public record Score(String model, double bitsPerSpike, double mse) {
    }

    /** @param smoothingMs the smoothing kernel's σ chosen on the training trials */
    public record Result(List<Score> scores, double smoothingMs, int testTrials) {

        /** With other models' scores on the same trials placed after this run's model, before the baselines. */
        public Result with(List<Score> others) {
            List<Score> all = new ArrayList<>(scores.subList(0, 1));
            all.addAll(others);
            all.addAll(scores.subList(1, scores.size()));
            return new Result(all, smoothingMs, testTrials);
        }
    }

    /** @param model the model's name in the table */
    public static Result compare(BinnedTrials binned, List<RnnRateInference.Group> groups, String model) {
        double[][][] counts = binned.counts();
        int first = groups.get(0).preprocessing().forecastBins();
        int[] train = union(groups, true);
        int[] test = union(groups, false);
        double[][][] observed = cut(counts, first);
        double[][][] rnn = new double[counts.length][][];
        for (RnnRateInference.Group g : groups) {
            for (int s = 0; s < g.trials().length; s++) {
                double[][] r = new double[g.rates()[s].length][];
                for (int t = 0; t < r.length; t++) {
                    r[t] = Arrays.stream(g.rates()[s][t]).map(v -> Math.max(0, v)).toArray();
                }
                rnn[g.trials()[s]] = r;
            }
        }
        double[][][] psth = cut(RateBaselines.conditionPsth(counts, binned.trials().labels(), train), first);
        double bestSigma = SIGMAS[0];
        double bestBits = Double.NEGATIVE_INFINITY;
        double[][][] smooth = null;
        for (double sigma : SIGMAS) {
            double[][][] candidate = cut(RateBaselines.gaussianSmoothing(counts, sigma), first);
            double bits = RateMetrics.bitsPerSpike(observed, candidate, train);
            if (bits > bestBits) {
                bestBits = bits;
                bestSigma = sigma;
                smooth = candidate;
            }
        }
        List<Score> scores = new ArrayList<>();
        scores.add(score(model, observed, rnn, test));
        scores.add(score("smoothing", observed, smooth, test));
        scores.add(score("psth", observed, psth, test));
        return new Result(scores, bestSigma * binned.binMs(), test.length);
    }

    private static Score score(String model, double[][][] observed, double[][][] rates, int[] test) {
        return new Score(model, RateMetrics.bitsPerSpike(observed, rates, test), RateMetrics.mse(observed, rates,
                test));
    }

    private static int[] union(List<RnnRateInference.Group> groups, boolean train) {
        return groups.stream().flatMapToInt(g -> IntStream.of(train ? g.train() : g.test())).sorted().toArray();
    }

    /** Every trial's bins from {@code first} on. */
    private static double[][][] cut(double[][][] values, int first) {
        double[][][] out = new double[values.length][][];
        for (int k = 0; k < values.length; k++) {
            out[k] = Arrays.copyOfRange(values[k], first, values[k].length);
        }
        return out;
    }
}
