package org.spikescope.rates.gfr;

/**
 * GRNN's metrics. EV(p1, p2) = (var1 + var2 − var(p1 − p2)) / (var1 + var2) with population variances (NaN when
 * both are constant); EVR = mean over repeats of EV(repeat, prediction) / mean over repeats of EV(repeat, PSTH of the
 * repeats): 1 means the model explains the repeats as well as their own mean does.
 */
public final class ExplainedVariance {

    private ExplainedVariance() {
    }

    public static double ev(double[] p1, double[] p2) {
        if (p1.length != p2.length) {
            throw new IllegalArgumentException(p1.length + " against " + p2.length + " bins");
        }
        double[] diff = new double[p1.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = p1[i] - p2[i];
        }
        double v1 = variance(p1);
        double v2 = variance(p2);
        return v1 + v2 == 0 ? Double.NaN : (v1 + v2 - variance(diff)) / (v1 + v2);
    }

    /** @param repeats rates per bin of each repeat of the same stimulus, {@code [repeat][bin]} */
    public static double evr(double[][] repeats, double[] prediction) {
        double[] psth = new double[prediction.length];
        for (double[] r : repeats) {
            for (int i = 0; i < psth.length; i++) {
                psth[i] += r[i] / repeats.length;
            }
        }
        double model = 0;
        double data = 0;
        for (double[] r : repeats) {
            model += ev(r, prediction) / repeats.length;
            data += ev(r, psth) / repeats.length;
        }
        return model / data;
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / v.length;
    }
}
