package org.spikescope.rates;

import org.junit.jupiter.api.Test;
import org.spikescope.sim.SpikeTrains;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateMetricsTest {

    private static final int TRIALS = 60;
    private static final int BINS = 50;
    private static final int NEURONS = 8;

    /** Two conditions whose neurons fire in bumps at condition-specific times; Poisson counts. */
    private static double[][][] trueRates(List<String> labels) {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] peak = new double[2][NEURONS];
        for (double[] p : peak) {
            for (int j = 0; j < NEURONS; j++) {
                p[j] = 5 + 40 * rng.nextDouble();
            }
        }
        double[][][] rates = new double[TRIALS][BINS][NEURONS];
        for (int k = 0; k < TRIALS; k++) {
            int c = k % 2;
            labels.add(c == 0 ? "sweet" : "bitter");
            for (int t = 0; t < BINS; t++) {
                for (int j = 0; j < NEURONS; j++) {
                    double d = (t - peak[c][j]) / 4;
                    rates[k][t][j] = 0.2 + 2.0 * Math.exp(-0.5 * d * d);
                }
            }
        }
        return rates;
    }

    private static double[][][] poisson(double[][][] rates, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] counts = new double[rates.length][BINS][NEURONS];
        for (int k = 0; k < rates.length; k++) {
            for (int t = 0; t < BINS; t++) {
                for (int j = 0; j < NEURONS; j++) {
                    counts[k][t][j] = SpikeTrains.poisson(rates[k][t][j], rng);
                }
            }
        }
        return counts;
    }

    @Test
    void theTrueRatesBeatThePsthWhichBeatsSmoothingAndAFlatRateScoresZero() {
        List<String> labels = new ArrayList<>();
        double[][][] truth = trueRates(labels);
        double[][][] counts = poisson(truth, 3);
        TrialSplit split = TrialSplit.random(TRIALS, 0.7, 1);
        double[][][] psth = RateBaselines.conditionPsth(counts, labels, split.train());
        double[][][] smooth = RateBaselines.gaussianSmoothing(counts, 2);
        double[][][] flat = new double[TRIALS][BINS][NEURONS];
        double[] mean = new double[NEURONS];
        for (int k : split.test()) {
            for (double[] bin : counts[k]) {
                for (int j = 0; j < NEURONS; j++) {
                    mean[j] += bin[j] / (split.test().length * BINS);
                }
            }
        }
        for (double[][] trial : flat) {
            for (double[] bin : trial) {
                System.arraycopy(mean, 0, bin, 0, NEURONS);
            }
        }
        double bitsTruth = RateMetrics.bitsPerSpike(counts, truth, split.test());
        double bitsPsth = RateMetrics.bitsPerSpike(counts, psth, split.test());
        double bitsSmooth = RateMetrics.bitsPerSpike(counts, smooth, split.test());
        System.out.printf("bits/spike: truth %.3f, PSTH %.3f, smoothing %.3f%n", bitsTruth, bitsPsth, bitsSmooth);
        assertEquals(0, RateMetrics.bitsPerSpike(counts, flat, split.test()), 1e-9);
        // 21 training trials per condition: the PSTH is a noisy copy of the truth, but far better than flat
        assertTrue(bitsTruth > bitsPsth && bitsPsth > 0.5 * bitsTruth, bitsTruth + " vs " + bitsPsth);
        assertTrue(bitsPsth > bitsSmooth, bitsPsth + " vs " + bitsSmooth);
        assertTrue(RateMetrics.mse(counts, truth, split.test()) < RateMetrics.mse(counts, smooth, split.test()));
    }
}
