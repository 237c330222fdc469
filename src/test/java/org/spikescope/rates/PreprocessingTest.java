package org.spikescope.rates;

import org.junit.jupiter.api.Test;
import org.spikescope.core.InputException;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {

    /** 40 trials × 60 bins × 10 neurons driven by two latent signals, plus a little private noise. */
    private static double[][][] twoLatents(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] mixing = new double[2][10];
        for (double[] row : mixing) {
            for (int j = 0; j < 10; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
        }
        double[][][] data = new double[40][60][10];
        for (int k = 0; k < 40; k++) {
            for (int t = 0; t < 60; t++) {
                double a = Math.sin(0.2 * t + k);
                double b = Math.cos(0.05 * t * (1 + k % 3));
                for (int j = 0; j < 10; j++) {
                    data[k][t][j] = 5 + 3 * (a * mixing[0][j] + b * mixing[1][j]) + 0.05 * rng.nextGaussian();
                }
            }
        }
        return data;
    }

    @Test
    void splitsAreRandomDisjointAndRepeatable() {
        TrialSplit a = TrialSplit.random(50, 0.75, 7);
        TrialSplit b = TrialSplit.random(50, 0.75, 7);
        assertArrayEquals(a.train(), b.train());
        assertEquals(38, a.train().length);
        assertEquals(12, a.test().length);
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 50).toArray(), all);
        assertTrue(!Arrays.equals(a.test(), TrialSplit.random(50, 0.75, 8).test()), "another seed, another split");
        assertThrows(InputException.class, () -> TrialSplit.random(3, 0.1, 1));
    }

    @Test
    void pcaKeepsTheLatentDimensionsAndReconstructs() {
        double[][][] data = twoLatents(1);
        TrialSplit split = TrialSplit.random(40, 0.75, 3);
        ZScore z = ZScore.fit(data, split.train());
        double[][][] standard = new double[40][60][];
        for (int k = 0; k < 40; k++) {
            for (int t = 0; t < 60; t++) {
                standard[k][t] = z.apply(data[k][t]);
            }
        }
        Pca pca = Pca.fit(standard, split.train(), 0.95);
        assertEquals(2, pca.components().length, Arrays.toString(pca.explained()));
        assertTrue(pca.explained()[0] + pca.explained()[1] > 0.99, Arrays.toString(pca.explained()));
        // held-out trials come back through the two components and the inverse z-score: what is lost is the
        // private noise (sd 0.05), against activity that varies with sd about 2
        double error = 0;
        double signal = 0;
        for (int k : split.test()) {
            for (int t = 0; t < 60; t++) {
                double[] back = z.invert(pca.reconstruct(pca.project(standard[k][t])));
                for (int j = 0; j < 10; j++) {
                    error += (back[j] - data[k][t][j]) * (back[j] - data[k][t][j]);
                    signal += (data[k][t][j] - z.mean()[j]) * (data[k][t][j] - z.mean()[j]);
                }
            }
        }
        double relative = Math.sqrt(error / signal);
        assertTrue(relative < 0.05, "relative reconstruction error " + relative);
    }

    @Test
    void normalisationAndComponentsSeeTrainingTrialsOnly() {
        double[][][] data = twoLatents(2);
        TrialSplit split = TrialSplit.random(40, 0.5, 5);
        ZScore before = ZScore.fit(data, split.train());
        Pca pcaBefore = Pca.fit(data, split.train(), 0.95);
        for (int k : split.test()) {
            for (double[] bin : data[k]) {
                Arrays.fill(bin, 1e6); // anything at all in the held-out trials
            }
        }
        ZScore after = ZScore.fit(data, split.train());
        assertArrayEquals(before.mean(), after.mean(), 0);
        assertArrayEquals(before.sd(), after.sd(), 0);
        assertArrayEquals(pcaBefore.mean(), Pca.fit(data, split.train(), 0.95).mean(), 0);
    }
}
