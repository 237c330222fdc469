package org.spikescope.spikes;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EstimatesTest {

    @Test
    void noiseOfWhiteNoiseAndOfACalciumTrace() {
        Random rnd = new Random(1);
        double[] white = new double[20000];
        for (int t = 0; t < white.length; t++) {
            white[t] = 0.3 * rnd.nextGaussian();
        }
        assertEquals(0.3, NoiseEstimate.sigma(white), 0.01);
        double[] calcium = OasisTest.convolve(OasisTest.sparseSpikes(20000, 0.02, rnd), new double[]{0.97});
        for (int t = 0; t < calcium.length; t++) {
            calcium[t] += 0.2 * rnd.nextGaussian();
        }
        assertEquals(0.2, NoiseEstimate.sigma(calcium), 0.02, "the slow calcium adds little above a quarter of the"
                + " sampling frequency");
    }

    @Test
    void arCoefficientOfASpikingTrace() {
        Random rnd = new Random(3);
        double[] y = OasisTest.convolve(OasisTest.sparseSpikes(30000, 0.02, rnd), new double[]{0.95});
        for (int t = 0; t < y.length; t++) {
            y[t] += 0.3 * rnd.nextGaussian();
        }
        double sigma = NoiseEstimate.sigma(y);
        assertEquals(0.95, ArEstimate.fit(y, 1, sigma, 10)[0], 0.01);
        double[] g2 = ArEstimate.ar2(0.1, 1.0, 30);
        assertEquals(1.0, ArEstimate.decaySeconds(g2, 30), 1e-9);
    }

    @Test
    void nanGapsAreBridgedAndDriftFollowed() {
        double[] y = {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN};
        assertEquals(java.util.Arrays.toString(new double[]{1, 1, 2, 3, 4, 4}),
                java.util.Arrays.toString(TracePreparation.bridgeNaNs(y)));
        assertNull(TracePreparation.bridgeNaNs(new double[]{Double.NaN, Double.NaN}));
        double[] drift = new double[3000];
        for (int t = 0; t < drift.length; t++) {
            drift[t] = 0.001 * t + (t % 97 == 0 ? 2 : 0);
        }
        double[] b = TracePreparation.runningPercentile(drift, 300, 8);
        for (int t = 300; t < 2700; t += 100) {
            assertEquals(0.001 * t, b[t], 0.2, "baseline at " + t);
        }
    }

    @Test
    void selectFindsTheKthSmallest() {
        Random rnd = new Random(6);
        for (int trial = 0; trial < 50; trial++) {
            double[] a = new double[1 + rnd.nextInt(300)];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextInt(20); // many ties
            }
            int k = rnd.nextInt(a.length);
            double[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(sorted[k], TracePreparation.select(a, k));
        }
    }
}
