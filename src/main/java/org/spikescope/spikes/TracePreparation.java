package org.spikescope.spikes;

import java.util.Arrays;

/** Makes a raw ΔF/F trace ready for deconvolution: NaN gaps bridged, slow baseline drift removed. */
public final class TracePreparation {

    private static final int SAMPLES_PER_WINDOW = 1000;

    private TracePreparation() {
    }

    /**
     * Linear interpolation across gaps of NaN (or infinite) values; gaps at the ends take the nearest value.
     * Returns {@code y} itself when it has no gap, null when it holds no finite number at all.
     */
    public static double[] bridgeNaNs(double[] y) {
        int n = y.length;
        boolean clean = true;
        for (double v : y) {
            clean &= Double.isFinite(v);
        }
        if (clean) {
            return y;
        }
        double[] out = y.clone();
        int previous = -1;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(out[t])) {
                continue;
            }
            if (previous < 0) {
                Arrays.fill(out, 0, t, out[t]);
            } else if (t - previous > 1) {
                for (int k = previous + 1; k < t; k++) {
                    double f = (double) (k - previous) / (t - previous);
                    out[k] = (1 - f) * out[previous] + f * out[t];
                }
            }
            previous = t;
        }
        if (previous < 0) {
            return null;
        }
        Arrays.fill(out, previous + 1, n, out[previous]);
        return out;
    }

    /**
     * A slowly drifting baseline: the given low percentile in windows of {@code window} frames, taken every
     * window/2 frames and interpolated linearly between window centres.
     */
    public static double[] runningPercentile(double[] y, int window, double percentile) {
        int n = y.length;
        int w = Math.max(3, Math.min(window, n));
        int step = Math.max(1, w / 2);
        int knots = (n - 1) / step + 1;
        double[] centre = new double[knots];
        double[] level = new double[knots];
        // a percentile needs no more than about a thousand samples: long windows are sampled with a stride
        int stride = Math.max(1, w / SAMPLES_PER_WINDOW);
        int m = (w + stride - 1) / stride;
        double[] buffer = new double[m];
        for (int k = 0; k < knots; k++) {
            int c = Math.min(n - 1, k * step);
            int a = Math.max(0, Math.min(c - w / 2, n - w));
            for (int i = 0; i < m; i++) {
                buffer[i] = y[a + i * stride];
            }
            centre[k] = c;
            level[k] = select(buffer, (int) Math.round(percentile / 100 * (m - 1)));
        }
        double[] b = new double[n];
        int k = 0;
        for (int t = 0; t < n; t++) {
            while (k + 1 < knots && centre[k + 1] <= t) {
                k++;
            }
            if (k + 1 >= knots) {
                b[t] = level[knots - 1];
            } else {
                double f = (t - centre[k]) / (centre[k + 1] - centre[k]);
                b[t] = (1 - f) * level[k] + f * level[k + 1];
            }
        }
        return b;
    }

    /** The k-th smallest value (0-based), reordering {@code a}: quickselect, linear time on average. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
