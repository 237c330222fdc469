package org.spikescope.spikes;

/**
 * AR coefficients of the calcium dynamics from the trace's autocovariance (Yule–Walker equations with the noise
 * variance removed from lag 0, as in CNMF and OASIS), constrained to real roots 0 ≤ r &lt; d &lt; 1.
 */
public final class ArEstimate {

    private ArEstimate() {
    }

    /** Autocovariance for lags 0..maxLag of the mean-removed trace, normalised by the length. */
    public static double[] autocovariance(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] ac = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double s = 0;
            for (int t = lag; t < n; t++) {
                s += (y[t] - mean) * (y[t - lag] - mean);
            }
            ac[lag] = s / n;
        }
        return ac;
    }

    /**
     * Least-squares AR(p) fit to the autocovariance at lags 1..p+extraLags, with σ² removed at lag 0.
     * Returns g (length p).
     */
    public static double[] fit(double[] y, int p, double sigma, int extraLags) {
        return fitAutocovariance(autocovariance(y, 2 * p + extraLags), p, sigma, extraLags);
    }

    /** The same from a precomputed autocovariance (lags 0..2p+extraLags at least). */
    public static double[] fitAutocovariance(double[] ac, int p, double sigma, int extraLags) {
        int lags = p + extraLags;
        // rows j = 1..lags: ac[j] = Σ_k g_k ac[|j − k|] (with ac[0] − σ² on the diagonal)
        double[][] a = new double[lags][p];
        double[] b = new double[lags];
        for (int j = 1; j <= lags; j++) {
            b[j - 1] = ac[j];
            for (int k = 1; k <= p; k++) {
                int lag = Math.abs(j - k);
                a[j - 1][k - 1] = ac[lag] - (lag == 0 ? sigma * sigma : 0);
            }
        }
        return leastSquares(a, b);
    }

    /** Solves min ‖a g − b‖ by the normal equations (p ≤ 2, so well conditioned enough). */
    static double[] leastSquares(double[][] a, double[] b) {
        int p = a[0].length;
        double[][] ata = new double[p][p];
        double[] atb = new double[p];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < p; j++) {
                atb[j] += a[i][j] * b[i];
                for (int k = 0; k < p; k++) {
                    ata[j][k] += a[i][j] * a[i][k];
                }
            }
        }
        if (p == 1) {
            return new double[]{atb[0] / ata[0][0]};
        }
        double det = ata[0][0] * ata[1][1] - ata[0][1] * ata[1][0];
        return new double[]{(atb[0] * ata[1][1] - atb[1] * ata[0][1]) / det,
                (ata[0][0] * atb[1] - ata[1][0] * atb[0]) / det};
    }

    /** AR(1) coefficient of a decay time constant at a frame rate. */
    public static double ar1(double decaySeconds, double frameRate) {
        return Math.exp(-1 / (decaySeconds * frameRate));
    }

    /** AR(2) coefficients of rise and decay time constants. */
    public static double[] ar2(double riseSeconds, double decaySeconds, double frameRate) {
        double d = Math.exp(-1 / (decaySeconds * frameRate));
        double r = Math.exp(-1 / (riseSeconds * frameRate));
        return new double[]{d + r, -d * r};
    }

    /** Decay time constant (s) of AR coefficients: from the larger root. */
    public static double decaySeconds(double[] g, double frameRate) {
        double d = g.length == 1 ? g[0] : (g[0] + Math.sqrt(Math.max(0, g[0] * g[0] + 4 * g[1]))) / 2;
        return -1 / (frameRate * Math.log(d));
    }
}
