package org.spikescope.sim;

import java.util.SplittableRandom;

/**
 * Bursty spike trains: each cell switches between a quiet state and short high-rate bursts (a two-state Markov
 * modulated Poisson process), with log-normally distributed mean rates across cells.
 */
public final class SpikeTrains {

    /** Firing in a burst is this many times the quiet rate. */
    private static final double BURST_GAIN = 15;
    /** Mean burst length, seconds. */
    private static final double BURST_SECONDS = 0.3;

    private SpikeTrains() {
    }

    /** Spike counts per frame, cells × frames. */
    static int[][] generate(int cells, int frames, double frameRate, double meanRate, double burstiness,
                            SplittableRandom rng) {
        int[][] spikes = new int[cells][frames];
        double dt = 1.0 / frameRate;
        for (int c = 0; c < cells; c++) {
            // log-normal spread of rates with median at meanRate·e^{-σ²/2} keeps the mean at meanRate
            double sigma = 0.6;
            double rate = meanRate * StrictMath.exp(sigma * SmoothNoise.gaussian(rng) - sigma * sigma / 2);
            double quiet = rate / (1 - burstiness + burstiness * BURST_GAIN);
            double leaveBurst = Math.min(1, dt / BURST_SECONDS);
            double enterBurst = burstiness >= 1 ? 1 : Math.min(1, leaveBurst * burstiness / (1 - burstiness));
            boolean burst = false;
            for (int t = 0; t < frames; t++) {
                burst = burst ? rng.nextDouble() >= leaveBurst : rng.nextDouble() < enterBurst;
                double lambda = (burst ? quiet * BURST_GAIN : quiet) * dt;
                spikes[c][t] = poisson(lambda, rng);
            }
        }
        return spikes;
    }

    /** A Poisson count (Knuth's method; a normal approximation above 30). */
    public static int poisson(double lambda, SplittableRandom rng) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * SmoothNoise.gaussian(rng)));
        }
        double limit = StrictMath.exp(-lambda);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
