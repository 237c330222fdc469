package org.spikescope.cells;

import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.math.SymmetricEigen;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The strongest fluctuating background patterns that a smooth background cannot follow, such as the sharp edges
 * of blood vessels whose shading follows the global light level: the leading spatial components of the movie
 * once the cells and the smooth background are out (CaImAn's low-rank background, nb). Found by a randomized
 * range finder in two streaming passes (Halko, Martinsson &amp; Tropp 2011): the residual is first seen through a
 * few random images, giving a few time courses, smoothed over ±{@code slowFrames} (background fluctuations are
 * slow, pixel noise is white: smoothing keeps the one and averages the other away); their span then collects the
 * spatial patterns. Memory: those few
 * time courses and images.
 */
public final class BackgroundPatterns {

    /** Random probes beyond the number of patterns wanted: more make the range finder more accurate. */
    private static final int OVERSAMPLING = 6;

    private BackgroundPatterns() {
    }

    /** Up to {@code count} orthonormal patterns (width × height each) of the residual of {@code model}. */
    public static float[][] estimate(CellMovie movie, CellModel model, int count, int slowFrames, Workers pool,
                                     ProgressListener progress) {
        return estimate(movie, model, count, slowFrames, pool, progress, null);
    }

    /**
     * The same, with {@code alongside}'s visitors (one per worker, created in worker order) fed the frames of the
     * first pass, background removed with {@code model}: another stage's pass over the same frames, saved. With no
     * patterns wanted, they get a pass of their own.
     */
    public static float[][] estimate(CellMovie movie, CellModel model, int count, int slowFrames, Workers pool,
                                     ProgressListener progress, IntFunction<MoviePass.Visitor> alongside) {
        if (count == 0) {
            if (alongside != null) {
                MoviePass.run(movie, model, pool, progress, "Refining footprints", alongside);
            }
            return new float[0][];
        }
        int p = movie.width() * movie.height();
        int m = Math.min(movie.frames(), count + OVERSAMPLING);
        // the cells' slow changes are what a background leaking into their traces looks like: leave them in
        // the residual, where the patterns can take them
        double[][] fast = new double[model.traces().length][];
        for (int i = 0; i < fast.length; i++) {
            double[] slow = RunningMean.of(model.traces()[i], slowFrames);
            fast[i] = new double[slow.length];
            for (int t = 0; t < slow.length; t++) {
                fast[i][t] = model.traces()[i][t] - slow[t];
            }
        }
        CellModel fastCells = new CellModel(model.footprints(), fast, model.patterns());
        double[][] seen = probe(movie, model, fastCells, m, pool, progress, alongside);
        for (int j = 0; j < m; j++) {
            movie.interpolateExcluded(seen[j]);
            seen[j] = RunningMean.of(seen[j], slowFrames);
        }
        double[][] q = orthonormalCentred(seen);
        List<Residual> sums = MoviePass.run(movie, model, pool, progress, "Background patterns (2/2)",
                worker -> new Residual(fastCells, movie.width(), null).collecting(q, p));
        double[][] b = sums.get(0).collected;
        for (int k = 1; k < sums.size(); k++) {
            for (int j = 0; j < b.length; j++) {
                for (int i = 0; i < p; i++) {
                    b[j][i] += sums.get(k).collected[j][i];
                }
            }
        }
        return leading(b, count);
    }

    /**
     * The first pass: the residual seen through m random ±1 images, one time course each. The images live only
     * in this pass.
     */
    private static double[][] probe(CellMovie movie, CellModel model, CellModel fastCells, int m, Workers pool,
                                    ProgressListener progress, IntFunction<MoviePass.Visitor> alongside) {
        int p = movie.width() * movie.height();
        // ±1 needs a byte, not a float: a quarter of the memory
        byte[][] probes = new byte[m][p];
        SplittableRandom rng = new SplittableRandom(20180419L);
        for (byte[] probe : probes) {
            for (int i = 0; i < p; i++) {
                probe[i] = (byte) (rng.nextBoolean() ? 1 : -1);
            }
        }
        double[][] seen = new double[m][movie.frames()];
        IntFunction<MoviePass.Visitor> probing = worker -> new Residual(fastCells, movie.width(), (t, r) -> {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += probes[j][i] * r[i];
                }
                seen[j][t] = s;
            }
        });
        MoviePass.run(movie, model, pool, progress, "Background patterns (1/2)", alongside == null ? probing
                : worker -> new MoviePass.Both(probing.apply(worker), alongside.apply(worker)));
        return seen;
    }

    /** Rows centred over time and made orthonormal (modified Gram–Schmidt); rows that vanish are dropped. */
    static double[][] orthonormalCentred(double[][] rows) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (double[] row : rows) {
            double[] v = row.clone();
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double before = 0;
            for (int t = 0; t < v.length; t++) {
                v[t] -= mean;
                before += v[t] * v[t];
            }
            for (double[] u : out) {
                double d = dot(u, v);
                for (int t = 0; t < v.length; t++) {
                    v[t] -= d * u[t];
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > 1e-9 * Math.sqrt(before) && norm > 0) {
                for (int t = 0; t < v.length; t++) {
                    v[t] /= norm;
                }
                out.add(v);
            }
        }
        return out.toArray(new double[0][]);
    }

    /**
     * The leading left singular vectors of B (given as its m columns, each an image): eigenvectors of the small
     * m × m matrix BᵀB (Jacobi), mapped back through B.
     */
    static float[][] leading(double[][] b, int count) {
        int m = b.length;
        double[][] gram = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                gram[i][j] = dot(b[i], b[j]);
                gram[j][i] = gram[i][j];
            }
        }
        double[][] vectors = SymmetricEigen.vectors(gram);
        double[] values = SymmetricEigen.values(gram, vectors);
        int[] order = SymmetricEigen.descending(values);
        int k = Math.min(count, m);
        float[][] out = new float[k][];
        int p = m == 0 ? 0 : b[0].length;
        for (int c = 0; c < k; c++) {
            double[] u = new double[p];
            for (int j = 0; j < m; j++) {
                double w = vectors[j][order[c]];
                for (int i = 0; i < p; i++) {
                    u[i] += w * b[j][i];
                }
            }
            double norm = Math.sqrt(dot(u, u));
            float[] f = new float[p];
            for (int i = 0; i < p && norm > 0; i++) {
                f[i] = (float) (u[i] / norm);
            }
            out[c] = f;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** What is left of each frame once the model's cells and the smooth background are out. */
    private static final class Residual implements MoviePass.Visitor {
        private final CellModel model;
        private final int width;
        private final FrameUse use;
        private float[] r;
        double[][] collected;
        private double[][] courses;

        interface FrameUse {
            void accept(int t, float[] residual);
        }

        Residual(CellModel model, int width, FrameUse use) {
            this.model = model;
            this.width = width;
            this.use = use;
        }

        Residual collecting(double[][] q, int pixels) {
            this.courses = q;
            this.collected = new double[q.length][pixels];
            return this;
        }

        @Override
        public void frame(int t, float[] raw, float[] cells, float[] background) {
            if (r == null) {
                r = new float[cells.length];
            }
            model.render(t, r, width);
            for (int i = 0; i < r.length; i++) {
                r[i] = cells[i] - r[i];
            }
            if (use != null) {
                use.accept(t, r);
            }
            if (collected != null) {
                for (int j = 0; j < courses.length; j++) {
                    double c = courses[j][t];
                    double[] target = collected[j];
                    for (int i = 0; i < r.length; i++) {
                        target[i] += c * r[i];
                    }
                }
            }
        }
    }
}
