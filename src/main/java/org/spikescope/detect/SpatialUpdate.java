package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.cells.CellModel;
import org.spikescope.cells.MoviePass;

import java.util.ArrayList;
import java.util.List;

/**
 * Refines the footprints given the traces, one streaming pass: within each cell's window, the footprint that best
 * explains the background-free movie as Σ footprint × trace, non-negative, by hierarchical alternating least
 * squares (HALS, as CNMF's spatial update) on the sufficient statistics Y·Cᵀ (per window) and C·Cᵀ (per pair of
 * touching windows). Only the fast part of the traces ({@link Drift}) is regressed on, so neither each pixel's
 * constant offset nor slow drifts shape the footprints.
 */
final class SpatialUpdate {

    private static final int SWEEPS = 5;
    /** Weights below this fraction of the peak are noise: dropped, as CNMF trims its footprints. */
    static final double CUTOFF = 0.05;
    /**
     * Weights are noisy when smoothing changes them by more than this share of their energy: the binomial kernel
     * changes white noise by 64 % of its energy and a cell's smooth profile (a Gaussian of σ ≥ 1.5 pixels) by 2 %
     * or less, so 0.1 is noise making up about a sixth of the footprint's energy (measured: 0.11–0.24 on
     * MIN1PIPE's dim cells, 0.01–0.08 on placecell's and MIN1PIPE's bright ones).
     */
    private static final double NOISY = 0.1;

    private SpatialUpdate() {
    }

    /**
     * Refined footprints, and for each the correlation over its window between the footprint and the image its
     * activity explains (the movie weighted by its fast trace, its neighbours' share taken out): CaImAn's spatial
     * quality test (r_values), which a cell passes and a patch of fluctuating background or noise does not.
     */
    record Refined(List<Footprint> footprints, double[] spatialCorrelation) {
    }

    static Refined update(CellMovie movie, List<Footprint> footprints, double[][] raw, double driftFrames,
                          Workers pool, ProgressListener progress) {
        Pass pass = new Pass(movie, footprints, raw, driftFrames);
        MoviePass.run(movie, pass.model(), pool, progress, "Refining footprints", pass::visitor);
        return pass.solve();
    }

    /**
     * The update's one pass over the background-free movie, to run alone ({@link #update}) or beside another pass
     * that removes the background with the same model ({@link #model}).
     */
    static final class Pass {
        private final List<Footprint> footprints;
        private final double[][] raw;
        private final double[][] fast;
        private final int width;
        private final List<Products> visitors = new ArrayList<>();

        Pass(CellMovie movie, List<Footprint> footprints, double[][] raw, double driftFrames) {
            this.footprints = footprints;
            this.raw = raw;
            this.width = movie.width();
            int cells = footprints.size();
            fast = new double[cells][];
            int half = Math.max(1, (int) Math.round(driftFrames));
            for (int i = 0; i < cells; i++) {
                fast[i] = Drift.removed(raw[i], half);
                for (int t = 0; t < fast[i].length; t++) {
                    // excluded frames are not in the products: leave them out of the energies too
                    fast[i][t] = movie.used(t) ? fast[i][t] : 0;
                }
            }
        }

        /** The cells taken out before the background is estimated, in the pass that feeds {@link #visitor}. */
        CellModel model() {
            return new CellModel(footprints, raw);
        }

        /** The visitor of the pass's next worker (the pass creates them in worker order). */
        MoviePass.Visitor visitor(int worker) {
            Products products = new Products(footprints, fast, width);
            visitors.add(products);
            return products;
        }

        /** The refined footprints, once the pass has run. */
        Refined solve() {
            Products total = visitors.get(0);
            for (int i = 1; i < visitors.size(); i++) {
                total.add(visitors.get(i));
            }
            // made only now: the pass holds one copy of the traces fewer
            double[][] centred = new double[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                centred[i] = centred(raw[i]);
            }
            return refine(footprints, centred, fast, total);
        }
    }

    private static Refined refine(List<Footprint> footprints, double[][] centred, double[][] fast, Products total) {
        int cells = footprints.size();
        List<List<Integer>> touching = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            touching.add(new ArrayList<>());
        }
        for (int i = 0; i < cells; i++) {
            for (int j = i + 1; j < cells; j++) {
                if (boxesOverlap(footprints.get(i), footprints.get(j))) {
                    touching.get(i).add(j);
                    touching.get(j).add(i);
                }
            }
        }
        double[] energy = new double[cells];
        for (int i = 0; i < cells; i++) {
            energy[i] = dot(centred[i], fast[i]);
        }
        float[][] weights = new float[cells][];
        for (int i = 0; i < cells; i++) {
            weights[i] = footprints.get(i).weights().clone();
        }
        double[][] cross = new double[cells][];
        for (int i = 0; i < cells; i++) {
            cross[i] = new double[touching.get(i).size()];
            for (int k = 0; k < cross[i].length; k++) {
                cross[i][k] = dot(centred[i], fast[touching.get(i).get(k)]);
            }
        }
        double[][] explained = new double[cells][];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int i = 0; i < cells; i++) {
                if (energy[i] <= 0) {
                    continue;
                }
                Footprint fi = footprints.get(i);
                double[] u = total.products[i].clone();
                for (int k = 0; k < cross[i].length; k++) {
                    int j = touching.get(i).get(k);
                    subtractOverlap(u, fi, footprints.get(j), weights[j], cross[i][k]);
                }
                for (int p = 0; p < u.length; p++) {
                    weights[i][p] = (float) Math.max(0, u[p] / energy[i]);
                }
                explained[i] = u;
            }
        }
        List<Footprint> out = new ArrayList<>();
        double[] r = new double[cells];
        for (int i = 0; i < cells; i++) {
            Footprint f = footprints.get(i);
            weights[i] = denoised(weights[i], f.w(), f.h());
            Footprint updated = new Footprint(f.x0(), f.y0(), f.w(), f.h(), weights[i]);
            int peak = Windows.peak(updated);
            float limit = (float) (CUTOFF * weights[i][peak]);
            boolean[] keep = new boolean[weights[i].length];
            for (int p = 0; p < keep.length; p++) {
                keep[p] = weights[i][p] > limit;
            }
            Footprint trimmed = Windows.connected(updated, keep, peak % f.w(), peak / f.w());
            out.add(trimmed);
            r[i] = explained[i] == null ? 0 : correlation(trimmed.weights(), explained[i]);
        }
        return new Refined(out, r);
    }

    static double correlation(float[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < n; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= n;
        mb /= n;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < n; k++) {
            ab += (a[k] - ma) * (b[k] - mb);
            aa += (a[k] - ma) * (a[k] - ma);
            bb += (b[k] - mb) * (b[k] - mb);
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
    }

    static double[] centred(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t] - mean;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += a[t] * b[t];
        }
        return s;
    }

    static boolean boxesOverlap(Footprint a, Footprint b) {
        return a.x0() < b.x0() + b.w() && b.x0() < a.x0() + a.w() && a.y0() < b.y0() + b.h()
                && b.y0() < a.y0() + a.h();
    }

    /** u −= cross · (j's weights) over the pixels the two boxes share, in i's box coordinates. */
    private static void subtractOverlap(double[] u, Footprint i, Footprint j, float[] wj, double cross) {
        int x0 = Math.max(i.x0(), j.x0());
        int y0 = Math.max(i.y0(), j.y0());
        int x1 = Math.min(i.x0() + i.w(), j.x0() + j.w());
        int y1 = Math.min(i.y0() + i.h(), j.y0() + j.h());
        for (int y = y0; y < y1; y++) {
            int ki = (y - i.y0()) * i.w() - i.x0();
            int kj = (y - j.y0()) * j.w() - j.x0();
            for (int x = x0; x < x1; x++) {
                u[ki + x] -= cross * wj[kj + x];
            }
        }
    }

    /** Σ_t pixel(t) · centred trace(t) over each cell's window. */
    private static final class Products implements MoviePass.Visitor {
        final double[][] products;
        private final List<Footprint> footprints;
        private final double[][] traces;
        private final int w;

        Products(List<Footprint> footprints, double[][] traces, int w) {
            this.footprints = footprints;
            this.traces = traces;
            this.w = w;
            this.products = new double[footprints.size()][];
            for (int c = 0; c < products.length; c++) {
                products[c] = new double[footprints.get(c).weights().length];
            }
        }

        @Override
        public void frame(int t, float[] raw, float[] cells, float[] background) {
            for (int c = 0; c < products.length; c++) {
                Footprint f = footprints.get(c);
                double s = traces[c][t];
                double[] p = products[c];
                for (int y = 0; y < f.h(); y++) {
                    int row = (f.y0() + y) * w + f.x0();
                    int k = y * f.w();
                    for (int x = 0; x < f.w(); x++) {
                        p[k + x] += cells[row + x] * s;
                    }
                }
            }
        }

        void add(Products o) {
            for (int c = 0; c < products.length; c++) {
                for (int k = 0; k < products[c].length; k++) {
                    products[c][k] += o.products[c][k];
                }
            }
        }
    }

    /**
     * A dim cell's per-pixel weights are noisy (±30–40 % of its peak even given its true trace, on the MIN1PIPE
     * rebuild): the noise raises the peak, and the cut-off with it, until the footprint is a fraction of the cell.
     * Such weights are smoothed by a 3×3 binomial kernel (1 2 1 ⊗ 1 2 1 / 16, zero outside the window), which cuts
     * white noise by 2.7×. A clean footprint is left sharp: blurred (σ 0.7 pixel), a small cell's outline grows
     * (placecell's 3.5-pixel cells at cellRadius 5: 2 of 10 fell below IoU 0.5).
     */
    static float[] denoised(float[] weights, int w, int h) {
        float[] smooth = binomial(weights, w, h);
        double change = 0;
        double energy = 0;
        for (int p = 0; p < weights.length; p++) {
            double d = smooth[p] - weights[p];
            change += d * d;
            energy += (double) weights[p] * weights[p];
        }
        return change > NOISY * energy ? smooth : weights;
    }

    /** The weights under the 3×3 binomial kernel, zero outside the window. */
    private static float[] binomial(float[] weights, int w, int h) {
        float[] rows = new float[weights.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x;
                rows[k] = 0.5f * weights[k] + 0.25f * ((x > 0 ? weights[k - 1] : 0) + (x < w - 1 ? weights[k + 1] : 0));
            }
        }
        float[] out = new float[weights.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x;
                out[k] = 0.5f * rows[k] + 0.25f * ((y > 0 ? rows[k - w] : 0) + (y < h - 1 ? rows[k + w] : 0));
            }
        }
        return out;
    }
}
