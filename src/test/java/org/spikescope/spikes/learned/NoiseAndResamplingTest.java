package org.spikescope.spikes.learned;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CASCADE's noise level and the moves between frame rates, measured on white noise and random spike trains. */
class NoiseAndResamplingTest {

    private static double[] whiteNoise(int n, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = sigma * r.nextGaussian();
        }
        return x;
    }

    @Test
    void noiseLevelOfWhiteNoiseMatchesItsStandardDeviation() {
        double sigma = 0.02;
        double rate = 30;
        double level = NoiseLevel.of(whiteNoise(200_000, sigma, 1), rate);
        // ν = 100 · √2 · 0.6745 σ / √rate = 0.348 % for σ 0.02 at 30 Hz
        assertEquals(100 * Math.sqrt(2) * 0.6745 * sigma / Math.sqrt(rate), level, 0.01 * level);
        assertEquals(sigma, NoiseLevel.sigmaOf(level, rate), 0.01 * sigma);
    }

    @Test
    void noiseLevelIsTheSameAtAnyFrameRateTheNoiseIsAveragedDownTo() {
        double[] fast = whiteNoise(240_000, 0.05, 2);
        double at60 = NoiseLevel.of(fast, 60);
        for (double rate : new double[] {30, 15, 7.5}) {
            double slower = NoiseLevel.of(Resampling.trace(fast, 60, rate), rate);
            assertEquals(at60, slower, 0.03 * at60, "at " + rate + " Hz");
        }
    }

    @Test
    void noiseLevelSkipsGapsAndSaysWhenThereIsNothingToMeasure() {
        double[] x = whiteNoise(10_000, 0.01, 3);
        double full = NoiseLevel.of(x, 20);
        for (int t = 100; t < 200; t++) {
            x[t] = Double.NaN;
        }
        assertEquals(full, NoiseLevel.of(x, 20), 0.03 * full);
        assertTrue(Double.isNaN(NoiseLevel.of(new double[] {Double.NaN, 1, Double.NaN}, 20)));
    }

    @Test
    void spikeCountsAreConservedBetweenAnyTwoRates() {
        SplittableRandom r = new SplittableRandom(4);
        double[] counts = new double[9_999];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = r.nextDouble() < 0.05 ? 1 + r.nextInt(3) : 0;
        }
        double total = Arrays.stream(counts).sum();
        double[][] pairs = {{30, 7.5}, {30, 20}, {7.5, 30}, {58.2, 30}, {11, 30}};
        for (double[] p : pairs) {
            double[] moved = Resampling.counts(counts, p[0], p[1]);
            assertEquals(total, Arrays.stream(moved).sum(), 1e-6 * total, p[0] + " → " + p[1] + " Hz");
            assertEquals(Resampling.length(counts.length, p[0], p[1]), moved.length);
            double[] back = Resampling.counts(moved, p[1], p[0]);
            assertEquals(total, Arrays.stream(back).sum(), 1e-6 * total, p[0] + " → " + p[1] + " → back");
        }
        // every 2 s (60 frames at 30 Hz, 15 at 7.5 Hz) keeps exactly its own spikes: none moved in time
        double[] slow = Resampling.counts(counts, 30, 7.5);
        for (int block = 0; block < counts.length / 60; block++) {
            assertEquals(Arrays.stream(counts, 60 * block, 60 * block + 60).sum(),
                    Arrays.stream(slow, 15 * block, 15 * block + 15).sum(), 1e-9, "block " + block);
        }
    }

    @Test
    void tracesKeepTheirValuesAndTheirGaps() {
        double[] x = new double[300];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(2 * Math.PI * t / 150.0);
        }
        x[100] = Double.NaN;
        double[] slow = Resampling.trace(x, 30, 7.5);
        assertEquals(75, slow.length);
        assertTrue(Double.isNaN(slow[25]), "the frame holding the gap");
        int nan = 0;
        for (int k = 0; k < slow.length; k++) {
            if (Double.isNaN(slow[k])) {
                nan++;
                continue;
            }
            // the mean of four frames of a slow sine, at the time of their centre (1.5 frames after the first)
            double expected = Math.sin(2 * Math.PI * (4 * k + 1.5) / 150.0);
            assertEquals(expected, slow[k], 0.01);
        }
        assertEquals(1, nan);
        double[] fast = Resampling.trace(slow, 7.5, 30);
        assertEquals(300, fast.length);
        assertEquals(slow[10], fast[41], 0);
    }
}
