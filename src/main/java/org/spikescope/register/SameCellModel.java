package org.spikescope.register;

import org.spikescope.math.LogGamma;

/**
 * CellReg's model of the spatial correlations of neighbouring cell pairs (Sheintuch et al. 2017): a mixture of same
 * cells, whose 1 − correlation is lognormal, and different cells, whose 1 − correlation follows a beta
 * distribution, fitted by expectation-maximisation (started from the pairs above and below a correlation of 0.7);
 * P_same of a pair is the same cells' share of the mixture at its correlation.
 *
 * <p>Far into the tails both densities vanish and their ratio is set by the shapes' asymptotics, not by data (the
 * lognormal falls faster than the beta as the correlation nears 1): P_same is therefore made non-decreasing in the
 * correlation (its running maximum from low to high correlations) — a pair that overlaps better is never less
 * likely the same cell.
 *
 * @param weightSame the share of same-cell pairs among the neighbouring pairs
 * @param mu         mean of ln(1 − correlation) of same cells
 * @param sigma      its standard deviation
 * @param p          the different cells' beta shape parameters (on 1 − correlation)
 * @param q          …
 * @param pSameTable P_same at correlations 0, 1/(n−1), …, 1
 */
public record SameCellModel(double weightSame, double mu, double sigma, double p, double q, double[] pSameTable,
                            int pairs) {

    private static final int ITERATIONS = 200;
    private static final int TABLE = 1001;
    private static final double EDGE = 1e-6;

    /** Fits the model to the correlations of neighbouring pairs (pairs at or below 0 take no part). */
    public static SameCellModel fit(double[] correlations) {
        int n = 0;
        for (double r : correlations) {
            n += r > 0 ? 1 : 0;
        }
        double[] x = new double[n];
        n = 0;
        for (double r : correlations) {
            if (r > 0) {
                x[n++] = Math.max(EDGE, Math.min(1 - EDGE, 1 - r));
            }
        }
        double[] responsibility = new double[n];
        for (int i = 0; i < n; i++) {
            responsibility[i] = x[i] <= 0.3 ? 1 : 0;
        }
        double[] params = maximise(x, responsibility);
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                double s = params[0] * lognormal(x[i], params[1], params[2]);
                double d = (1 - params[0]) * beta(x[i], params[3], params[4]);
                responsibility[i] = s + d > 0 ? s / (s + d) : (x[i] < Math.exp(params[1]) ? 1 : 0);
            }
            params = maximise(x, responsibility);
        }
        return new SameCellModel(params[0], params[1], params[2], params[3], params[4], table(params), n);
    }

    /** Weighted maximum likelihood of the lognormal, moments of the beta: {weight, μ, σ, p, q}. */
    private static double[] maximise(double[] x, double[] r) {
        double ws = 0;
        double sumLog = 0;
        for (int i = 0; i < x.length; i++) {
            ws += r[i];
            sumLog += r[i] * Math.log(x[i]);
        }
        double mu = ws > 0 ? sumLog / ws : Math.log(0.2);
        double var = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.log(x[i]) - mu;
            var += r[i] * d * d;
        }
        double sigma = ws > 0 ? Math.max(0.05, Math.sqrt(var / ws)) : 0.5;
        double wd = 0;
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            wd += 1 - r[i];
            mean += (1 - r[i]) * x[i];
        }
        mean = wd > 0 ? mean / wd : 0.8;
        double spread = 0;
        for (int i = 0; i < x.length; i++) {
            spread += (1 - r[i]) * (x[i] - mean) * (x[i] - mean);
        }
        spread = wd > 0 ? Math.max(1e-4, spread / wd) : 0.02;
        double common = Math.max(0.1, mean * (1 - mean) / spread - 1);
        double weight = x.length > 0 ? ws / x.length : 0.5;
        return new double[]{Math.max(1e-6, Math.min(1 - 1e-6, weight)), mu, sigma, Math.max(0.05, mean * common),
                Math.max(0.05, (1 - mean) * common)};
    }

    static double lognormal(double x, double mu, double sigma) {
        double z = (Math.log(x) - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
    }

    static double beta(double x, double p, double q) {
        return Math.exp((p - 1) * Math.log(x) + (q - 1) * Math.log1p(-x) - LogGamma.beta(p, q));
    }

    private static double[] table(double[] params) {
        double[] t = new double[TABLE];
        double running = 0;
        for (int k = 0; k < TABLE; k++) {
            double x = Math.max(EDGE, Math.min(1 - EDGE, 1 - k / (double) (TABLE - 1)));
            double s = params[0] * lognormal(x, params[1], params[2]);
            double d = (1 - params[0]) * beta(x, params[3], params[4]);
            double p = s + d > 0 ? s / (s + d) : 0;
            running = Math.max(running, Double.isFinite(p) ? p : 0);
            t[k] = running;
        }
        return t;
    }

    /** Probability that a pair of this spatial correlation is one cell (0 for correlations at or below 0). */
    public double pSame(double correlation) {
        if (!(correlation > 0)) {
            return 0;
        }
        double k = Math.min(1, correlation) * (pSameTable.length - 1);
        int i = (int) Math.floor(k);
        if (i >= pSameTable.length - 1) {
            return pSameTable[pSameTable.length - 1];
        }
        double f = k - i;
        return (1 - f) * pSameTable[i] + f * pSameTable[i + 1];
    }

    /** Density of same-cell pairs' correlations, weighted by their share (for plots). */
    public double sameDensity(double correlation) {
        double x = Math.max(EDGE, Math.min(1 - EDGE, 1 - correlation));
        return weightSame * lognormal(x, mu, sigma);
    }

    /** Density of different-cell pairs' correlations, weighted by their share (for plots). */
    public double differentDensity(double correlation) {
        double x = Math.max(EDGE, Math.min(1 - EDGE, 1 - correlation));
        return (1 - weightSame) * beta(x, p, q);
    }

    /** The lowest correlation at which P_same reaches {@code threshold}; NaN if it never does. */
    public double correlationAt(double threshold) {
        for (int k = 0; k < pSameTable.length; k++) {
            if (pSameTable[k] >= threshold) {
                return k / (double) (pSameTable.length - 1);
            }
        }
        return Double.NaN;
    }
}
