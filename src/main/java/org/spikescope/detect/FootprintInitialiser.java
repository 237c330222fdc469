package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.cells.MoviePass;

import java.util.ArrayList;
import java.util.List;

/**
 * First footprints, one streaming pass: each seed's trace is its filtered pixel less its drift and smoothed at the
 * indicator's time scale ({@link Kinetics}), and each pixel of the window around the seed gets the regression
 * coefficient of its (background-free) time course on that trace. Pixels whose correlation with the trace is
 * significant (three standard errors, 3/√frames: a dim cell's edge pixels correlate little, frame by frame, with
 * even a clean trace) and that connect to the seed form the footprint.
 */
final class FootprintInitialiser {

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
        double minCorrelation = 3 / Math.sqrt(n);
        List<Footprint> footprints = new ArrayList<>();
        for (int c = 0; c < seeds.size(); c++) {
            int[] b = boxes.get(c);
            float[] weights = new float[b[2] * b[3]];
            boolean[] keep = new boolean[weights.length];
            double s = total.traceEnergy[c];
            for (int y = 0; y < b[3]; y++) {
                for (int x = 0; x < b[2]; x++) {
                    int k = y * b[2] + x;
                    double u = total.products[c][k];
                    double var = summary.cellsVar()[(b[1] + y) * w + b[0] + x];
                    double corr = s > 0 && var > 0 ? u / Math.sqrt(s * n * var) : 0;
                    weights[k] = s > 0 ? (float) Math.max(0, u / s) : 0;
                    keep[k] = corr >= minCorrelation && weights[k] > 0;
                }
            }
            Footprint f = Windows.connected(new Footprint(b[0], b[1], b[2], b[3], weights), keep,
                    seeds.get(c)[0] - b[0], seeds.get(c)[1] - b[1]);
            footprints.add(f);
        }
        return footprints;
    }

    /** Σ_t pixel(t)·s(t) over each window and Σ s(t)², s the seed's trace less its drift, smoothed. */
    private static final class Sums implements MoviePass.Visitor {
        final double[][] products;
        final double[] traceEnergy;
        private final List<int[]> seeds;
        private final List<int[]> boxes;
        private final double[] drift;
        private final double[] smoothed;
        private final double rate;
        private final double weight;
        private final int w;
        private final SeedFilter filter;
        private final float[] smooth;

        Sums(List<int[]> seeds, List<int[]> boxes, SummaryImages summary, int w, int h, double cellRadius,
             Kinetics kinetics) {
            this.rate = 1 / kinetics.driftFrames();
            this.weight = kinetics.smoothingWeight();
            this.seeds = seeds;
            this.boxes = boxes;
            this.w = w;
            this.filter = new SeedFilter(w, h, cellRadius);
            this.products = new double[seeds.size()][];
            for (int c = 0; c < seeds.size(); c++) {
                products[c] = new double[boxes.get(c)[2] * boxes.get(c)[3]];
            }
            this.traceEnergy = new double[seeds.size()];
            this.drift = new double[seeds.size()];
            this.smoothed = new double[seeds.size()];
            for (int c = 0; c < seeds.size(); c++) {
                drift[c] = summary.smoothMean()[seeds.get(c)[1] * w + seeds.get(c)[0]];
            }
            this.smooth = new float[w * h];
        }

        @Override
        public void frame(int t, float[] raw, float[] cells, float[] background) {
            filter.apply(raw, smooth);
            for (int c = 0; c < seeds.size(); c++) {
                double fast = smooth[seeds.get(c)[1] * w + seeds.get(c)[0]] - drift[c];
                drift[c] += rate * fast;
                smoothed[c] += weight * (fast - smoothed[c]);
                double s = smoothed[c];
                traceEnergy[c] += s * s;
                int[] b = boxes.get(c);
                double[] p = products[c];
                for (int y = 0; y < b[3]; y++) {
                    int row = (b[1] + y) * w + b[0];
                    int k = y * b[2];
                    for (int x = 0; x < b[2]; x++) {
                        p[k + x] += cells[row + x] * s;
                    }
                }
            }
        }

        void add(Sums o) {
            for (int c = 0; c < products.length; c++) {
                traceEnergy[c] += o.traceEnergy[c];
                for (int k = 0; k < products[c].length; k++) {
                    products[c][k] += o.products[c][k];
                }
            }
        }
    }
}
