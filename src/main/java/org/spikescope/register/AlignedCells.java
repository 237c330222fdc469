package org.spikescope.register;

import org.spikescope.core.Footprint;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's cells moved onto the reference's pixel grid by the session's transform: footprints resampled there
 * (bilinear; the reference's own cells are kept as they are), their centroids, and the sums their spatial
 * correlations need. Footprints are scaled to a peak of 1.
 */
final class AlignedCells {

    final List<Footprint> footprints;
    final double[][] centroids;
    /** Σ weights and Σ weights² of each footprint. */
    final double[] sum;
    final double[] sumSquares;

    private AlignedCells(List<Footprint> footprints) {
        this.footprints = footprints;
        int n = footprints.size();
        this.centroids = new double[n][];
        this.sum = new double[n];
        this.sumSquares = new double[n];
        for (int i = 0; i < n; i++) {
            Footprint f = footprints.get(i);
            centroids[i] = f.centre();
            for (float v : f.weights()) {
                sum[i] += v;
                sumSquares[i] += (double) v * v;
            }
        }
    }

    static AlignedCells of(Session session, SessionTransform transform, boolean isReference) {
        List<Footprint> moved = new ArrayList<>();
        for (Footprint f : session.footprints()) {
            moved.add(isReference ? scaled(f) : moved(f, transform));
        }
        return new AlignedCells(moved);
    }

    int size() {
        return footprints.size();
    }

    private static Footprint scaled(Footprint f) {
        float peak = f.peak();
        float[] w = f.weights().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] /= peak;
        }
        return new Footprint(f.x0(), f.y0(), f.w(), f.h(), w);
    }

    private static Footprint moved(Footprint f, SessionTransform t) {
        Footprint out = FootprintWarp.moved(f, p -> t.apply(p[0], p[1]), q -> t.invert(q[0], q[1]));
        return out.w() > 0 ? out : scaled(f);
    }

    /**
     * Pearson correlation of two footprints as images of {@code pixels} pixels (CellReg's spatial correlation: the
     * whole field of view, zeros included), from their overlap and their sums.
     */
    static double correlation(AlignedCells a, int i, AlignedCells b, int j, long pixels) {
        Footprint fa = a.footprints.get(i);
        Footprint fb = b.footprints.get(j);
        int x0 = Math.max(fa.x0(), fb.x0());
        int y0 = Math.max(fa.y0(), fb.y0());
        int x1 = Math.min(fa.x0() + fa.w(), fb.x0() + fb.w());
        int y1 = Math.min(fa.y0() + fa.h(), fb.y0() + fb.h());
        double sab = 0;
        for (int y = y0; y < y1; y++) {
            int ra = (y - fa.y0()) * fa.w() - fa.x0();
            int rb = (y - fb.y0()) * fb.w() - fb.x0();
            for (int x = x0; x < x1; x++) {
                sab += (double) fa.weights()[ra + x] * fb.weights()[rb + x];
            }
        }
        double n = pixels;
        double cov = sab - a.sum[i] * b.sum[j] / n;
        double va = a.sumSquares[i] - a.sum[i] * a.sum[i] / n;
        double vb = b.sumSquares[j] - b.sum[j] * b.sum[j] / n;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
    }
}
