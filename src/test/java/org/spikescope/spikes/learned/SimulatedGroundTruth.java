package org.spikescope.spikes.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ground-truth recordings simulated for tests: bursty Poisson spikes, calcium rising within a frame and decaying
 * exponentially, a random ΔF/F per spike per cell, white noise of a given noise level ν.
 */
public final class SimulatedGroundTruth {

    private SimulatedGroundTruth() {
    }

    public static List<GroundTruthSet.Recording> recordings(int n, double frameRate, double seconds, double decaySeconds,
                                                     double noiseLevel, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GroundTruthSet.Recording> out = new ArrayList<>();
        int frames = (int) Math.round(seconds * frameRate);
        double g = Math.exp(-1 / (decaySeconds * frameRate));
        double sigma = NoiseLevel.sigmaOf(noiseLevel, frameRate);
        for (int k = 0; k < n; k++) {
            double amplitude = 0.1 + 0.1 * random.nextDouble();
            double[] spikes = new double[frames];
            double[] dff = new double[frames];
            double c = 0;
            double burst = 0;
            for (int t = 0; t < frames; t++) {
                burst = random.nextDouble() < 0.2 / frameRate ? 0.4 * frameRate : burst * 0.9;
                double p = (0.5 + burst) / frameRate;
                spikes[t] = random.nextDouble() < p ? 1 + (random.nextDouble() < 0.2 ? 1 : 0) : 0;
                c = g * c + amplitude * spikes[t];
                dff[t] = c + sigma * random.nextGaussian();
            }
            out.add(new GroundTruthSet.Recording("SIM", "sim" + k, frameRate, dff, spikes));
        }
        return out;
    }

    /** Correlation of counts in 200 ms bins, as the project scores spike inference. */
    public static double score(double[] inferred, double[] truth, double frameRate) {
        int bins = (int) Math.floor(truth.length / frameRate / 0.2) + 1;
        double[] a = new double[bins];
        double[] b = new double[bins];
        for (int t = 0; t < truth.length; t++) {
            int k = (int) Math.floor(t / frameRate / 0.2);
            a[k] += Double.isNaN(inferred[t]) ? 0 : inferred[t];
            b[k] += truth[t];
        }
        return org.spikescope.testing.Stats.pearson(a, b);
    }
}
