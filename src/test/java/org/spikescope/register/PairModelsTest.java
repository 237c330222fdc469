package org.spikescope.register;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two CellReg models recover the mixtures they describe, drawn with known parameters. */
class PairModelsTest {

    /** A Beta(p, q) draw as a ratio of Gamma draws (Marsaglia–Tsang; shape ≥ 1 here). */
    private static double gamma(SplittableRandom rng, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(rng.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    @Test
    void correlationModelRecoversItsMixture() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 20_000;
        double[] r = new double[n];
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < 0.4) {
                r[i] = 1 - Math.exp(-3 + 0.6 * rng.nextGaussian());
                same++;
            } else {
                double a = gamma(rng, 5);
                double b = gamma(rng, 1.5);
                r[i] = 1 - a / (a + b);
            }
        }
        SameCellModel m = SameCellModel.fit(r);
        System.out.printf("correlation model: weight %.3f (true %.3f), mu %.3f (-3), sigma %.3f (0.6), beta %.2f, "
                + "%.2f (5, 1.5); P_same = 0.5 at %.3f%n", m.weightSame(), same / (double) n, m.mu(), m.sigma(), m.p(),
                m.q(), m.correlationAt(0.5));
        assertEquals(same / (double) n, m.weightSame(), 0.03);
        assertEquals(-3, m.mu(), 0.1);
        assertEquals(0.6, m.sigma(), 0.1);
        double previous = 0;
        for (double c = 0; c <= 1; c += 0.01) {
            assertTrue(m.pSame(c) >= previous, "P_same falls at " + c);
            previous = m.pSame(c);
        }
    }

    @Test
    void distanceModelRecoversItsMixture() {
        SplittableRandom rng = new SplittableRandom(4);
        double max = 6;
        int n = 20_000;
        double[] d = new double[n];
        int same = 0;
        int i = 0;
        while (i < n) {
            if (rng.nextDouble() < 0.3) {
                double x = Math.exp(Math.log(0.5) + 0.7 * rng.nextGaussian());
                if (x < max) {
                    d[i++] = x;
                    same++;
                }
            } else {
                // d · sigmoid(2 (d − 3)) on [0, 6] by rejection
                double x = max * rng.nextDouble();
                if (rng.nextDouble() * max < x / (1 + Math.exp(-2 * (x - 3)))) {
                    d[i++] = x;
                }
            }
        }
        DistanceModel m = DistanceModel.fit(d, max);
        System.out.printf("distance model: weight %.3f (true %.3f), mu %.3f (%.3f), sigma %.3f (0.7), sigmoid at %.2f "
                + "(3), slope %.2f (2)%n", m.weightSame(), same / (double) n, m.mu(), Math.log(0.5), m.sigma(),
                m.rise(),
                m.slope());
        assertEquals(same / (double) n, m.weightSame(), 0.03);
        assertEquals(Math.log(0.5), m.mu(), 0.1);
        assertEquals(0.7, m.sigma(), 0.1);
        assertEquals(3, m.rise(), 0.5);
    }
}
