package org.spikescope.sim;

import java.util.SplittableRandom;

/** Smooth random time courses: zero-mean, unit-variance Gaussian noise low-passed with a time constant. */
final class SmoothNoise {

    private SmoothNoise() {
    }

    /** A series of {@code n} samples, correlated over {@code tauSamples}, scaled to unit standard deviation. */
    static double[] series(int n, double tauSamples, SplittableRandom rng) {
        double a = StrictMath.exp(-1.0 / Math.max(tauSamples, 1e-9));
        double b = Math.sqrt(1 - a * a);
        double[] x = new double[n];
        double v = gaussian(rng);
        for (int i = 0; i < n; i++) {
            // two passes of a first-order filter give a smoother, Gaussian-like spectrum
            v = a * v + b * gaussian(rng);
            x[i] = v;
        }
        double w = x.length > 0 ? x[0] : 0;
        for (int i = 0; i < n; i++) {
            w = a * w + (1 - a) * x[i];
            x[i] = w;
        }
        double mean = 0;
        for (double d : x) {
            mean += d;
        }
        mean /= Math.max(n, 1);
        double var = 0;
        for (double d : x) {
            var += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(var / Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            x[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
        return x;
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * StrictMath.log(1 - u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
