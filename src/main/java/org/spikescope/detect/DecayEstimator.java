package org.spikescope.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Estimates the indicator's decay time from the movie itself, while the summary images are computed: calcium
 * under a pixel is, to first order, an autoregressive process whose autocovariance falls as exp(−lag / τ), while
 * shot and read noise are white and add to lag 0 only. So for each pixel of the spatially filtered movie the
 * autocovariances at lags 1 … {@value #MAX_LAG} frames are summed, and at the brightest local maxima (one per cell,
 * the strongest {@value #CELLS}) τ = (L − 1) / ln(c₁ / c_L) at the longest lag L where c_L is still a clear fraction
 * of c₁. The median over cells is robust to a bursty cell (bursts lengthen its apparent decay) and to the odd patch
 * of background. To bound memory the autocovariances are kept on a grid of at most {@value #MAX_GRID} pixels.
 * Not thread-safe: one per worker, then {@link #add}.
 */
final class DecayEstimator {

    static final int MAX_LAG = 64;
    private static final int[] LAGS = {1, 2, 4, 8, 16, 32, MAX_LAG};
    private static final int MAX_GRID = 256 * 256;
    /**
     * Calcium is sparse transients on a baseline, strongly skewed to the right; fluctuating background and
     * drifts are about symmetric: only pixels at least this skewed vote.
     */
    private static final double MIN_SKEW = 1;
    /** How many local maxima of activity vote. */
    private static final int CELLS = 30;
    /** The longest lag used is the last where the autocovariance is at least this fraction of the lag-1 one. */
    private static final double USABLE = 0.3;

    private final int width;
    private final int stride;
    private final int gw;
    private final int gh;
    private final int window;
    private final float[][] ring = new float[MAX_LAG][];
    private final int[] ringFrame = new int[MAX_LAG];
    private float[] current;
    private final double[] sum;
    private final double[] sum2;
    private final double[] sum3;
    private final double[][] products;
    private final long[] pairs = new long[LAGS.length];
    private long frames;

    DecayEstimator(int width, int height, double cellRadius) {
        this.width = width;
        this.stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / MAX_GRID)));
        this.gw = (width + stride - 1) / stride;
        this.gh = (height + stride - 1) / stride;
        this.window = Math.max(1, (int) Math.round(cellRadius / stride));
        int p = gw * gh;
        sum = new double[p];
        sum2 = new double[p];
        sum3 = new double[p];
        products = new double[LAGS.length][p];
        Arrays.fill(ringFrame, Integer.MIN_VALUE);
        current = new float[p];
    }

    /** @param filtered frame t of the spatially filtered movie ({@link SeedFilter}), frames in increasing order */
    void frame(int t, float[] filtered) {
        float[] now = current;
        for (int gy = 0; gy < gh; gy++) {
            int row = gy * stride * width;
            for (int gx = 0; gx < gw; gx++) {
                now[gy * gw + gx] = filtered[row + gx * stride];
            }
        }
        for (int i = 0; i < now.length; i++) {
            sum[i] += now[i];
            double v = now[i];
            sum2[i] += v * v;
            sum3[i] += v * v * v;
        }
        frames++;
        for (int k = 0; k < LAGS.length; k++) {
            int earlier = Math.floorMod(t - LAGS[k], MAX_LAG);
            if (ringFrame[earlier] != t - LAGS[k]) {
                continue;
            }
            float[] before = ring[earlier];
            double[] prod = products[k];
            for (int i = 0; i < now.length; i++) {
                prod[i] += (double) now[i] * before[i];
            }
            pairs[k]++;
        }
        int slot = t % MAX_LAG;
        current = ring[slot] != null ? ring[slot] : new float[now.length];
        ring[slot] = now;
        ringFrame[slot] = t;
    }

    void add(DecayEstimator o) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += o.sum[i];
            sum2[i] += o.sum2[i];
            sum3[i] += o.sum3[i];
            for (int k = 0; k < LAGS.length; k++) {
                products[k][i] += o.products[k][i];
            }
        }
        for (int k = 0; k < LAGS.length; k++) {
            pairs[k] += o.pairs[k];
        }
        frames += o.frames;
    }

    /**
     * The decay time in frames, or NaN when the movie shows no activity to measure it on or is shorter than
     * {@code 4 × MAX_LAG} frames (too few to tell lags apart).
     */
    double decayFrames() {
        int p = gw * gh;
        if (frames < 4 * MAX_LAG || pairs[0] == 0) {
            return Double.NaN;
        }
        double[][] cov = new double[LAGS.length][p];
        float[] score = new float[p];
        for (int i = 0; i < p; i++) {
            double m = sum[i] / frames;
            double variance = sum2[i] / frames - m * m;
            for (int k = 0; k < LAGS.length; k++) {
                cov[k][i] = pairs[k] > 0 ? products[k][i] / pairs[k] - m * m : Double.NaN;
            }
            double noise = variance - cov[0][i];
            double skew = (sum3[i] / frames - 3 * m * variance - m * m * m) / Math.pow(variance, 1.5);
            boolean calcium = skew >= MIN_SKEW;
            score[i] = calcium && cov[0][i] > 0 && noise > 0 ? (float) (cov[0][i] / noise) : 0;
        }
        List<Integer> maxima = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            if (score[i] > 0 && SeedFinder.isLocalMaximum(score, gw, gh, i % gw, i / gw, window)) {
                maxima.add(i);
            }
        }
        maxima.sort((a, b) -> Float.compare(score[b], score[a]));
        double[] taus = maxima.stream().limit(CELLS).mapToDouble(i -> decayAt(cov, i)).filter(Double::isFinite)
                .sorted().toArray();
        return taus.length == 0 ? Double.NaN : taus[taus.length / 2];
    }

    private double decayAt(double[][] cov, int i) {
        double c1 = cov[0][i];
        int best = -1;
        for (int k = 1; k < LAGS.length; k++) {
            if (cov[k][i] >= USABLE * c1) {
                best = k;
            }
        }
        if (best < 0) {
            return cov[1][i] > 0 ? 1 / Math.log(c1 / cov[1][i]) : 1;
        }
        double ratio = c1 / cov[best][i];
        return ratio > 1 ? (LAGS[best] - 1) / Math.log(ratio) : Double.POSITIVE_INFINITY;
    }
}
