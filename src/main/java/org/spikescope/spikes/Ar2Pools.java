package org.spikescope.spikes;

import java.util.Arrays;

/**
 * The pools of an AR(2) OASIS solution. Inside pool i (from {@code start[i]}, {@code len[i]} frames)
 * c_{t+k} = h_k·first[i] + q_k·last[i−1]; the first pool decays as a pure exponential of the larger root. Each
 * pool keeps Σd^k·y and Σr^k·y, so that Σh_k·y = (d·Σd^k·y − r·Σr^k·y)/(d − r) and a merge costs O(1).
 */
final class Ar2Pools {

    double[] first;
    double[] last;
    double[] sumD;
    double[] sumR;
    double[] sumD2;
    int[] start;
    int[] len;
    int count;

    private Ar2Pools(int capacity) {
        first = new double[capacity];
        last = new double[capacity];
        sumD = new double[capacity];
        sumR = new double[capacity];
        sumD2 = new double[capacity];
        start = new int[capacity];
        len = new int[capacity];
    }

    private void grow() {
        int size = first.length * 2;
        first = Arrays.copyOf(first, size);
        last = Arrays.copyOf(last, size);
        sumD = Arrays.copyOf(sumD, size);
        sumR = Arrays.copyOf(sumR, size);
        sumD2 = Arrays.copyOf(sumD2, size);
        start = Arrays.copyOf(start, size);
        len = Arrays.copyOf(len, size);
    }

    /** {@code y} already shifted for the L1 penalty. */
    static Ar2Pools solve(double[] y, Ar2Kernel k, double sMin) {
        int n = y.length;
        double d = k.d;
        Ar2Pools p = new Ar2Pools(Math.max(16, n / 8));
        for (int t = 0; t < n; t++) {
            if (p.count == p.first.length) {
                p.grow();
            }
            int j = p.count++;
            p.first[j] = j == 0 ? Math.max(0, y[t]) : y[t];
            p.last[j] = p.first[j];
            p.sumD[j] = y[t];
            p.sumR[j] = y[t];
            p.sumD2[j] = 1;
            p.start[j] = t;
            p.len[j] = 1;
            while (p.count > 1) {
                int i = p.count - 2;
                int li = p.len[i];
                double predicted = i == 0 ? p.last[0] * d : k.h[li] * p.first[i] + k.q[li] * p.last[i - 1];
                if (predicted <= p.first[i + 1] - sMin) {
                    break;
                }
                p.sumD[i] += k.dPow[li] * p.sumD[i + 1];
                p.sumR[i] += k.rPow[li] * p.sumR[i + 1];
                p.sumD2[i] += k.dPow[li] * k.dPow[li] * p.sumD2[i + 1];
                p.len[i] += p.len[i + 1];
                int l = p.len[i] - 1;
                if (i == 0) {
                    p.first[0] = Math.max(0, p.sumD[0] / p.sumD2[0]);
                    p.last[0] = p.first[0] * k.dPow[l];
                } else {
                    double dot = k.distinctRoots() ? (d * p.sumD[i] - k.r * p.sumR[i]) / (d - k.r)
                            : directDot(k.h, y, p.start[i], p.len[i]);
                    p.first[i] = (dot - k.hq[l] * p.last[i - 1]) / k.hh[l];
                    p.last[i] = k.h[l] * p.first[i] + k.q[l] * p.last[i - 1];
                }
                p.count--;
            }
        }
        return p;
    }

    private static double directDot(double[] h, double[] y, int start, int len) {
        double s = 0;
        for (int k = 0; k < len; k++) {
            s += h[k] * y[start + k];
        }
        return s;
    }

    /**
     * Each pool from its own closed form: running the recursion across pools would carry rounding from pool to
     * pool, amplified by the response to the previous value (|q_k| &gt; 1), until c drifts away.
     */
    double value(Ar2Kernel k, int pool, int offset) {
        return pool == 0 ? first[0] * k.dPow[offset] : k.h[offset] * first[pool] + k.q[offset] * last[pool - 1];
    }

    double[] calcium(int n, Ar2Kernel k) {
        double[] c = new double[n];
        for (int i = 0; i < count; i++) {
            for (int o = 0; o < len[i]; o++) {
                c[start[i] + o] = value(k, i, o);
            }
        }
        return c;
    }

    double[] spikes(double[] c, Ar2Kernel k) {
        double[] s = new double[c.length];
        for (int i = 1; i < count; i++) {
            int t = start[i];
            s[t] = Math.max(0, c[t] - k.g1 * c[t - 1] - k.g2 * (t >= 2 ? c[t - 2] : 0));
        }
        return s;
    }

    /** ‖c − y‖² against the unshifted trace, without building c. */
    double residual(double[] y, Ar2Kernel k) {
        double rss = 0;
        for (int i = 0; i < count; i++) {
            for (int o = 0; o < len[i]; o++) {
                double diff = y[start[i] + o] - value(k, i, o);
                rss += diff * diff;
            }
        }
        return rss;
    }
}
