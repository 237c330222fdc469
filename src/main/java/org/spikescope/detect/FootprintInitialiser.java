package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.cells.MoviePass;

import java.util.ArrayList;
import java.util.List;

/**
 * First footprints, one streaming pass, as CNMF-E initialises a neuron (Zhou et al. 2018): the seed's trace is its
 * pixel's activity ({@link PixelActivity}: the filtered movie less its drift, smoothed at the indicator's time
 * scale); the cell's pixels are those whose own activity correlates with the seed's at least
 * {@value #MIN_NEURON_CORRELATION} (the filtered movie has little noise left, so a dim cell's edge still correlates
 * well, while a touching neighbour firing at other times does not) and that connect to the seed; each gets the
 * regression coefficient of its background-free time course on the seed's trace.
 */
final class FootprintInitialiser {

    /**
     * CNMF-E's min_corr_neuron. CaImAn sets 0.7; at 0.7 two touching cells of the dense simulation start as one and
     * are merged (F1 0.939, below its bar of 0.95), at 0.75 they are not (0.955).
     */
    static final double MIN_NEURON_CORRELATION = 0.75;

    private FootprintInitialiser() {
    }

    static List<Footprint> initialise(CellMovie movie, List<int[]> seeds, SummaryImages summary,
                                      DetectionSettings settings, Kinetics kinetics, Workers pool,
                                      ProgressListener progress) {
        int w = movie.width();
        int h = movie.height();
        int n = Math.max(1, movie.usedFrames());
        int radius = settings.windowRadius();
        List<int[]> boxes = new ArrayList<>();
        for (int[] s : seeds) {
            boxes.add(Windows.around(s[0], s[1], radius, w, h));
        }
        List<Sums> sums = MoviePass.run(movie, null, pool, progress, "Initialising footprints",
                worker -> new Sums(seeds, boxes, summary, w, h, settings.cellRadius(), kinetics));
        Sums total = sums.get(0);
        for (int i = 1; i < sums.size(); i++) {
            total.add(sums.get(i));
        }
        List<Footprint> footprints = new ArrayList<>();
        for (int c = 0; c < seeds.size(); c++) {
            int[] b = boxes.get(c);
            float[] weights = new float[b[2] * b[3]];
            boolean[] keep = new boolean[weights.length];
            int seedPixel = seeds.get(c)[1] * w + seeds.get(c)[0];
            double traceSum = total.activitySum[seedPixel];
            double s = total.activityEnergy[seedPixel];
            double seedVariance = s - traceSum * traceSum / n;
            for (int k = 0; k < weights.length; k++) {
                int pixel = (b[1] + k / b[2]) * w + b[0] + k % b[2];
                double mean = total.activitySum[pixel] / n;
                double covariance = total.activityProducts[c][k] - mean * traceSum;
                double variance = total.activityEnergy[pixel] - mean * total.activitySum[pixel];
                double corr = variance > 0 && seedVariance > 0 ? covariance / Math.sqrt(variance * seedVariance) : 0;
                weights[k] = s > 0 ? (float) Math.max(0, total.products[c][k] / s) : 0;
                keep[k] = corr >= MIN_NEURON_CORRELATION && weights[k] > 0;
            }
            Footprint f = Windows.connected(new Footprint(b[0], b[1], b[2], b[3], weights), keep,
                    seeds.get(c)[0] - b[0], seeds.get(c)[1] - b[1]);
            footprints.add(f);
        }
        return footprints;
    }

    /**
     * Over each window: Σ_t pixel(t)·s(t) of the background-free movie and Σ_t activity(t)·s(t), s the seed pixel's
     * activity; over the whole frame, each pixel's Σ activity and Σ activity², which every window covering it shares
     * (they give the seed's own sums too).
     */
    private static final class Sums implements MoviePass.Visitor {
        final double[][] products;
        final double[][] activityProducts;
        final double[] activitySum;
        final double[] activityEnergy;
        private final List<int[]> seeds;
        private final List<int[]> boxes;
        private final int w;
        private final SeedFilter filter;
        private final PixelActivity activity;
        private final float[] smooth;

        Sums(List<int[]> seeds, List<int[]> boxes, SummaryImages summary, int w, int h, double cellRadius,
             Kinetics kinetics) {
            this.seeds = seeds;
            this.boxes = boxes;
            this.w = w;
            this.filter = new SeedFilter(w, h, cellRadius);
            this.activity = new PixelActivity(summary.smoothMean(), kinetics);
            int n = seeds.size();
            this.products = new double[n][];
            this.activityProducts = new double[n][];
            for (int c = 0; c < n; c++) {
                int size = boxes.get(c)[2] * boxes.get(c)[3];
                products[c] = new double[size];
                activityProducts[c] = new double[size];
            }
            this.activitySum = new double[w * h];
            this.activityEnergy = new double[w * h];
            this.smooth = new float[w * h];
        }

        @Override
        public void frame(int t, float[] raw, float[] cells, float[] background) {
            filter.apply(raw, smooth);
            activity.update(smooth);
            float[] a = activity.values();
            for (int i = 0; i < a.length; i++) {
                double v = a[i];
                activitySum[i] += v;
                activityEnergy[i] += v * v;
            }
            for (int c = 0; c < seeds.size(); c++) {
                double s = a[seeds.get(c)[1] * w + seeds.get(c)[0]];
                int[] b = boxes.get(c);
                double[] p = products[c];
                double[] ap = activityProducts[c];
                for (int y = 0; y < b[3]; y++) {
                    int row = (b[1] + y) * w + b[0];
                    int k = y * b[2];
                    for (int x = 0; x < b[2]; x++) {
                        p[k + x] += cells[row + x] * s;
                        ap[k + x] += a[row + x] * s;
                    }
                }
            }
        }

        void add(Sums o) {
            for (int c = 0; c < products.length; c++) {
                for (int k = 0; k < products[c].length; k++) {
                    products[c][k] += o.products[c][k];
                    activityProducts[c][k] += o.activityProducts[c][k];
                }
            }
            for (int i = 0; i < activitySum.length; i++) {
                activitySum[i] += o.activitySum[i];
                activityEnergy[i] += o.activityEnergy[i];
            }
        }
    }
}
