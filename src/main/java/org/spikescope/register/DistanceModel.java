package org.spikescope.register;

/**
 * CellReg's second model, of the centroid distances of neighbouring pairs (Sheintuch et al. 2017): same cells'
 * distances lognormal; different cells' growing in proportion to the distance (cells spread over the plane: the
 * ring at distance d holds 2πd of area) times a sigmoid that rises at {@code rise} (two cells' bodies cannot lie
 * on one another), up to the largest distance considered; fitted by expectation-maximisation (the sigmoid's centre
 * and slope by a grid search on the binned distances). Reported beside the correlation model that registration uses
 * (model_distances.png, pairs.csv's p_same_distance).
 *
 * @param maxDistance the largest distance considered (px)
 * @param rise        where the different cells' sigmoid reaches half (px)
 * @param slope       its slope (1/px)
 * @param norm        the different cells' density's normalisation over [0, maxDistance]
 */
public record DistanceModel(double weightSame, double mu, double sigma, double maxDistance, double rise,
                            double slope, double norm) {

    private static final int ITERATIONS = 100;
    private static final int BINS = 100;
    private static final double[] SLOPES = {0.25, 0.5, 1, 2, 4, 8};
    private static final int CENTRES = 41;

    public static DistanceModel fit(double[] distances, double maxDistance) {
        int n = distances.length;
        double[] d = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.max(1e-3, Math.min(maxDistance, distances[i]));
            // started as CellReg starts its fit: the pairs nearer than a third of the range are the same cells
            r[i] = d[i] < maxDistance / 3 ? 1 : 0;
        }
        DistanceModel m = maximise(d, r, maxDistance);
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                double same = m.sameDensity(d[i]);
                double different = m.differentDensity(d[i]);
                r[i] = same + different > 0 ? same / (same + different) : 0;
            }
            m = maximise(d, r, maxDistance);
        }
        return m;
    }

    private static DistanceModel maximise(double[] d, double[] r, double maxDistance) {
        double w = 0;
        double sumLog = 0;
        double[] binned = new double[BINS];
        for (int i = 0; i < d.length; i++) {
            w += r[i];
            sumLog += r[i] * Math.log(d[i]);
            binned[Math.min(BINS - 1, (int) (d[i] / maxDistance * BINS))] += 1 - r[i];
        }
        double mu = w > 0 ? sumLog / w : 0;
        double var = 0;
        for (int i = 0; i < d.length; i++) {
            var += r[i] * (Math.log(d[i]) - mu) * (Math.log(d[i]) - mu);
        }
        double sigma = w > 0 ? Math.max(0.05, Math.sqrt(var / w)) : 1;
        double weight = d.length > 0 ? Math.max(1e-6, Math.min(1 - 1e-6, w / d.length)) : 0.5;
        // the different cells' sigmoid: the centre and slope of highest binned likelihood
        double best = Double.NEGATIVE_INFINITY;
        double bestRise = 0;
        double bestSlope = SLOPES[0];
        for (double slope : SLOPES) {
            for (int k = 0; k < CENTRES; k++) {
                double rise = maxDistance * k / (CENTRES - 1);
                double norm = norm(maxDistance, rise, slope);
                double ll = 0;
                for (int b = 0; b < BINS; b++) {
                    if (binned[b] > 0) {
                        double x = (b + 0.5) * maxDistance / BINS;
                        ll += binned[b] * Math.log(Math.max(1e-300, shape(x, rise, slope) / norm));
                    }
                }
                if (ll > best) {
                    best = ll;
                    bestRise = rise;
                    bestSlope = slope;
                }
            }
        }
        return new DistanceModel(weight, mu, sigma, maxDistance, bestRise, bestSlope,
                norm(maxDistance, bestRise, bestSlope));
    }

    private static double shape(double x, double rise, double slope) {
        return x / (1 + Math.exp(-slope * (x - rise)));
    }

    /** ∫ shape over [0, maxDistance] (midpoint rule on 1,000 steps). */
    private static double norm(double maxDistance, double rise, double slope) {
        double sum = 0;
        int steps = 1000;
        for (int i = 0; i < steps; i++) {
            sum += shape((i + 0.5) * maxDistance / steps, rise, slope);
        }
        return sum * maxDistance / steps;
    }

    public double sameDensity(double distance) {
        return distance > 0 ? weightSame * SameCellModel.lognormal(distance, mu, sigma) : 0;
    }

    public double differentDensity(double distance) {
        return distance >= 0 && distance <= maxDistance ? (1 - weightSame) * shape(distance, rise, slope) / norm : 0;
    }

    /** Probability that a pair this far apart is one cell, by distance alone. */
    public double pSame(double distance) {
        double s = sameDensity(Math.max(distance, 1e-3));
        double o = differentDensity(Math.max(distance, 1e-3));
        return s + o > 0 ? s / (s + o) : 0;
    }

    /** The largest distance (px) at which P_same by distance is still at least {@code threshold}; NaN if nowhere. */
    public double distanceAt(double threshold) {
        double last = Double.NaN;
        for (int k = 1; k <= 1000; k++) {
            double x = maxDistance * k / 1000;
            if (pSame(x) >= threshold) {
                last = x;
            }
        }
        return last;
    }
}
