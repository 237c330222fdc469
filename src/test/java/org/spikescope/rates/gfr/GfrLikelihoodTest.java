package org.spikescope.rates.gfr;

import org.junit.jupiter.api.Test;
import org.spikescope.sim.SpikeTrains;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

public class GfrLikelihoodTest {

    static GfrCell cell(double[] alpha, double[] beta) {
        return new GfrCell("1", "", 20, 20, 0, 0, 0, 0, alpha, beta, GfrCell.decays(20),
                new GfrActivation(150, 0.12, new double[] {0.3, 1.1, 0.4}, 15, 20));
    }

    /** The largest relative difference between an analytic gradient and central differences. */
    public static double worst(double[] x, double[] analytic, ToDoubleFunction<double[]> loss) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double keep = x[i];
            x[i] = keep + h;
            double up = loss.applyAsDouble(x);
            x[i] = keep - h;
            double down = loss.applyAsDouble(x);
            x[i] = keep;
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1e-6, Math.abs(numeric)));
        }
        return worst;
    }

    @Test
    void dynamicsGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] currents = new double[2][150];
        double[][] counts = new double[2][150];
        boolean[][] counted = new boolean[2][150];
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 150; t++) {
                currents[s][t] = 80 + 60 * rng.nextGaussian();
                counts[s][t] = SpikeTrains.poisson(1.2, rng);
                counted[s][t] = t % 5 != 0;
            }
        }
        int n = GfrCell.decays(20).length;
        double[] theta = new double[2 * n];
        for (int i = 0; i < n; i++) {
            theta[i] = 0.5 + 0.3 * rng.nextDouble();
            theta[n + i] = 0.002 * (rng.nextDouble() - 0.5);
        }
        ToDoubleFunction<double[]> loss = x -> GfrLikelihood.dynamics(cell(java.util.Arrays.copyOf(x, n),
                java.util.Arrays.copyOfRange(x, n, 2 * n)), currents, counts, counted, 0.01, null);
        double[] gradient = new double[2 * n];
        GfrLikelihood.dynamics(cell(java.util.Arrays.copyOf(theta, n), java.util.Arrays.copyOfRange(theta, n, 2 * n)),
                currents, counts, counted, 0.01, gradient);
        double w = worst(theta, gradient, loss);
        assertTrue(w < 1e-5, "worst relative error " + w);
    }

    @Test
    void activationGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] current = new double[60];
        double[] counts = new double[60];
        for (int p = 0; p < 60; p++) {
            current[p] = 300 * rng.nextDouble();
            counts[p] = SpikeTrains.poisson(current[p] / 100, rng);
        }
        GfrActivation g = new GfrActivation(300, 0.1, new double[] {0.2, 0.9, 0.3}, 40, 20);
        double[] theta = {0.2, 0.9, 0.3, 40};
        ToDoubleFunction<double[]> loss = x -> GfrLikelihood.activation(g.with(java.util.Arrays.copyOf(x, 3), x[3]),
                current, counts, 20, null);
        double[] gradient = new double[4];
        GfrLikelihood.activation(g, current, counts, 20, gradient);
        double w = worst(theta, gradient, loss);
        assertTrue(w < 1e-5, "worst relative error " + w);
    }
}
