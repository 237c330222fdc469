package org.spikescope.detect;

import org.spikescope.cells.CellModel;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.cells.MoviePass;

import java.util.List;

/**
 * Summary images from two streaming passes, as CNMF-E seeds its cells (Zhou et al. 2018): the movie filtered by
 * {@link SeedFilter} and, in the second pass, less a running mean (slow drifts of the background are not activity)
 * and smoothed at the indicator's time scale ({@link Kinetics}: a slow, dim transient adds up over its decay where
 * noise averages out); the peak-to-noise ratio (PNR) is each pixel's largest excursion over its smoothed noise
 * level, and the local correlation image is each pixel's mean correlation with its eight neighbours, computed
 * after values below {@value #THRESHOLD} noise levels are set to zero so that noise alone correlates little. All
 * images are row-major, width × height.
 *
 * @param mean        mean of the recorded frames
 * @param max         maximum of the recorded frames
 * @param correlation local correlation image
 * @param pnr         peak-to-noise ratio image
 * @param smoothMean  mean of the filtered frames (where the seeds' running means start)
 * @param noise       each pixel's frame-to-frame noise level in the filtered frames
 * @param kinetics    the indicator's time scale, given or estimated in the first pass ({@link DecayEstimator})
 */
public record SummaryImages(int width, int height, int frames, float[] mean, float[] max, float[] correlation,
                            float[] pnr, float[] smoothMean, float[] noise, Kinetics kinetics) {

    static final double THRESHOLD = 3;

    /**
     * @param given the indicator's kinetics if the user knows them, else null: estimated from the movie during the
     *              first pass and kept within {@code range} (its fallback when the movie shows too little activity)
     */
    public static SummaryImages compute(CellMovie movie, Kinetics given, Kinetics.Range range, Workers pool,
                                        ProgressListener progress) {
        int w = movie.width();
        int h = movie.height();
        int n = Math.max(1, movie.usedFrames());
        double cellRadius = movie.cellRadius();
        int p = w * h;
        List<Moments> moments = MoviePass.runOnRecorded(movie, pool, progress, "Summary images",
                worker -> new Moments(w, h, cellRadius));
        Moments total = moments.get(0);
        for (int i = 1; i < moments.size(); i++) {
            total.add(moments.get(i));
        }
        float[] mean = new float[p];
        float[] max = new float[p];
        float[] smoothMean = new float[p];
        float[] noise = new float[p];
        double diffs = Math.max(1, total.differences);
        for (int i = 0; i < p; i++) {
            mean[i] = (float) (total.sumRaw[i] / n);
            max[i] = total.maxRaw[i];
            smoothMean[i] = (float) (total.sumSmooth[i] / n);
            // successive differences of white noise: E|d| = 2σ/√π
            noise[i] = (float) (total.sumAbsDiff[i] / diffs * Math.sqrt(Math.PI) / 2);
        }
        Kinetics kinetics = given;
        if (kinetics == null) {
            DecayEstimator decay = total.decay;
            for (int i = 1; i < moments.size(); i++) {
                decay.add(moments.get(i).decay);
            }
            kinetics = range.measured(decay.decayFrames());
        }
        progress.stage(kinetics.describe(range.frameRate()));
        return withActivity(movie, mean, max, smoothMean, noise, kinetics, pool, progress, "Correlation image");
    }

    /**
     * The summary images of what the known cells leave unexplained ({@link CellModel#residualOf}), where cells
     * hidden beside brighter ones show (CNMF-E looks for more cells in its residual the same way). One pass: the
     * noise and kinetics are the movie's, and the running means start from the movie's less the cells' mean.
     * Mean and max are the movie's.
     */
    static SummaryImages ofResidual(CellMovie residual, CellModel cells, SummaryImages movie, Workers pool,
                                    ProgressListener progress) {
        int w = movie.width();
        int h = movie.height();
        float[] cellsMean = new float[w * h];
        new SeedFilter(w, h, residual.cellRadius()).apply(cells.meanImage(residual), cellsMean);
        float[] smoothMean = movie.smoothMean().clone();
        for (int i = 0; i < smoothMean.length; i++) {
            smoothMean[i] -= cellsMean[i];
        }
        return withActivity(residual, movie.mean(), movie.max(), smoothMean, movie.noise(), movie.kinetics(), pool,
                progress, "Correlation image of the residual");
    }

    /** The second pass: peak-to-noise ratio and local correlation of every pixel's activity. */
    private static SummaryImages withActivity(CellMovie movie, float[] mean, float[] max, float[] smoothMean,
                                              float[] noise, Kinetics kinetics, Workers pool,
                                              ProgressListener progress, String stage) {
        int w = movie.width();
        int h = movie.height();
        int n = Math.max(1, movie.usedFrames());
        List<Correlations> sums = MoviePass.runOnRecorded(movie, pool, progress, stage,
                worker -> new Correlations(w, h, movie.cellRadius(), smoothMean, noise, kinetics));
        Correlations all = sums.get(0);
        for (int i = 1; i < sums.size(); i++) {
            all.add(sums.get(i));
        }
        double smoothedNoise = kinetics.smoothedNoise();
        float[] pnr = new float[w * h];
        for (int i = 0; i < pnr.length; i++) {
            pnr[i] = noise[i] > 0 ? (float) (all.peak[i] / (noise[i] * smoothedNoise)) : 0;
        }
        return new SummaryImages(w, h, n, mean, max, all.image(n), pnr, smoothMean, noise, kinetics);
    }

    /** Per-pixel sums of the first pass. */
    private static final class Moments implements MoviePass.RecordedVisitor {
        final double[] sumRaw;
        final float[] maxRaw;
        final double[] sumSmooth;
        final double[] sumAbsDiff;
        final DecayEstimator decay;
        long differences;
        private final SeedFilter filter;
        private final float[] smooth;
        private final float[] previous;
        private int last = -2;

        Moments(int w, int h, double cellRadius) {
            int p = w * h;
            this.filter = new SeedFilter(w, h, cellRadius);
            this.decay = new DecayEstimator(w, h, cellRadius);
            sumRaw = new double[p];
            maxRaw = new float[p];
            sumSmooth = new double[p];
            sumAbsDiff = new double[p];
            smooth = new float[p];
            previous = new float[p];
            java.util.Arrays.fill(maxRaw, Float.NEGATIVE_INFINITY);
        }

        @Override
        public void frame(int t, float[] raw) {
            filter.apply(raw, smooth);
            boolean consecutive = t == last + 1;
            for (int i = 0; i < raw.length; i++) {
                sumRaw[i] += raw[i];
                maxRaw[i] = Math.max(maxRaw[i], raw[i]);
                float s = smooth[i];
                sumSmooth[i] += s;
                if (consecutive) {
                    sumAbsDiff[i] += Math.abs(s - previous[i]);
                }
            }
            if (consecutive) {
                differences++;
            }
            decay.frame(t, smooth);
            System.arraycopy(smooth, 0, previous, 0, smooth.length);
            last = t;
        }

        void add(Moments o) {
            for (int i = 0; i < sumRaw.length; i++) {
                sumRaw[i] += o.sumRaw[i];
                maxRaw[i] = Math.max(maxRaw[i], o.maxRaw[i]);
                sumSmooth[i] += o.sumSmooth[i];
                sumAbsDiff[i] += o.sumAbsDiff[i];
            }
            differences += o.differences;
        }
    }

    /**
     * Sums for the correlation of each pixel with its right, lower, lower-right and lower-left neighbours (the
     * other four are these seen from the neighbour).
     */
    private static final class Correlations implements MoviePass.RecordedVisitor {
        private static final int[][] DIRECTIONS = {{1, 0}, {0, 1}, {1, 1}, {-1, 1}};
        private final int w;
        private final int h;
        private final SeedFilter filter;
        private final PixelActivity activity;
        private final float[] threshold;
        final float[] peak;
        private final float[] smooth;
        final double[] sum;
        final double[] sum2;
        final double[][] products;

        Correlations(int w, int h, double cellRadius, float[] mean, float[] noise, Kinetics kinetics) {
            this.w = w;
            this.h = h;
            this.filter = new SeedFilter(w, h, cellRadius);
            this.activity = new PixelActivity(mean, kinetics);
            this.peak = new float[w * h];
            this.threshold = new float[noise.length];
            for (int i = 0; i < noise.length; i++) {
                threshold[i] = (float) (THRESHOLD * noise[i] * kinetics.smoothedNoise());
            }
            smooth = new float[w * h];
            sum = new double[w * h];
            sum2 = new double[w * h];
            products = new double[DIRECTIONS.length][w * h];
        }

        @Override
        public void frame(int t, float[] raw) {
            filter.apply(raw, smooth);
            activity.update(smooth);
            float[] act = activity.values();
            float[] u = smooth;
            for (int i = 0; i < u.length; i++) {
                float v = act[i];
                peak[i] = Math.max(peak[i], v);
                u[i] = v < threshold[i] ? 0 : v;
                sum[i] += u[i];
                sum2[i] += (double) u[i] * u[i];
            }
            for (int d = 0; d < DIRECTIONS.length; d++) {
                int dx = DIRECTIONS[d][0];
                int dy = DIRECTIONS[d][1];
                double[] prod = products[d];
                for (int y = 0; y + dy < h; y++) {
                    int xFrom = Math.max(0, -dx);
                    int xTo = Math.min(w, w - dx);
                    int row = y * w;
                    int other = (y + dy) * w + dx;
                    for (int x = xFrom; x < xTo; x++) {
                        // no test for a zero factor: a branch-free loop the JIT vectorises, and adding 0 changes nothing
                        prod[row + x] += (double) u[row + x] * u[other + x];
                    }
                }
            }
        }

        void add(Correlations o) {
            for (int i = 0; i < sum.length; i++) {
                peak[i] = Math.max(peak[i], o.peak[i]);
                sum[i] += o.sum[i];
                sum2[i] += o.sum2[i];
                for (int d = 0; d < DIRECTIONS.length; d++) {
                    products[d][i] += o.products[d][i];
                }
            }
        }

        float[] image(int n) {
            double[] total = new double[w * h];
            int[] count = new int[w * h];
            for (int d = 0; d < DIRECTIONS.length; d++) {
                int dx = DIRECTIONS[d][0];
                int dy = DIRECTIONS[d][1];
                for (int y = 0; y + dy < h; y++) {
                    for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                        int a = y * w + x;
                        int b = (y + dy) * w + x + dx;
                        double c = correlation(n, sum[a], sum2[a], sum[b], sum2[b], products[d][a]);
                        total[a] += c;
                        total[b] += c;
                        count[a]++;
                        count[b]++;
                    }
                }
            }
            float[] out = new float[w * h];
            for (int i = 0; i < out.length; i++) {
                out[i] = count[i] == 0 ? 0 : (float) (total[i] / count[i]);
            }
            return out;
        }

        private static double correlation(int n, double sa, double saa, double sb, double sbb, double sab) {
            double va = n * saa - sa * sa;
            double vb = n * sbb - sb * sb;
            if (va <= 0 || vb <= 0) {
                return 0;
            }
            return (n * sab - sa * sb) / Math.sqrt(va * vb);
        }
    }
}
