package org.spikescope.detect;

import org.spikescope.math.Moments;
import org.spikescope.core.Footprint;
import org.spikescope.cells.TraceSolver;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one component per cell and only cells: touching components whose traces correlate above the merge
 * threshold become one (their footprints added, weighted by their activity), and components whose traces never
 * rise clearly above their noise, whose footprint is smaller than a quarter of a cell's or larger than four
 * cells' (a patch of background, not a soma), whose footprint does not look like the image its activity explains
 * (spatial correlation), or whose trace is not skewed like calcium, are dropped. A component found in the
 * residual ({@link ResidualSeeds}) whose trace correlates that well with a neighbour's while their footprints do
 * not overlap is dropped too: it is what the neighbour's footprint left out.
 */
final class Curation {

    /** Footprints overlapping less than this (cosine of the weights) are different cells whatever the traces. */
    private static final double MIN_OVERLAP = 0.1;
    /** A cell's footprint (above a fifth of its peak) covers between these multiples of a disc of the cell radius. */
    private static final double MIN_AREA = 0.25;
    private static final double MAX_AREA = 4;
    /**
     * A cell's trace is sparse transients on a baseline, skewed to the right; a patch of fluctuating background
     * is about symmetric (Suite2p uses the same statistic to tell cells from neuropil). Measured on the trace
     * smoothed at the indicator's time scale: frame-to-frame noise is symmetric and would hide a dim cell's skew.
     */
    static final double MIN_SKEW = 0.5;
    /** Before the first refinement, components are kept at this fraction of the trace SNR threshold. */
    private static final double FIRST_ROUND_SNR = 0.5;

    private Curation() {
    }

    /**
     * @param spatialCorrelation each footprint's spatial quality ({@link SpatialUpdate.Refined}), or null before
     *                           the first refinement (then only the trace's SNR is judged, at a lower bar); NaN
     *                           for a component not refined yet ({@link #notYetRefined}: its size is not judged)
     * @param merge              whether touching, correlated components are merged (else only dropped)
     */
    static List<Footprint> curate(List<Footprint> footprints, double[][] raw, DetectionSettings settings,
                                  Kinetics kinetics, double[] spatialCorrelation, boolean merge, int width,
                                  int height) {
        int n = footprints.size();
        double[] snr = new double[n];
        double[] spread = new double[n];
        double[][] centred = new double[n][];
        for (int i = 0; i < n; i++) {
            centred[i] = SpatialUpdate.centred(raw[i]);
            snr[i] = TraceQuality.snr(raw[i], kinetics);
            spread[i] = Math.sqrt(SpatialUpdate.dot(centred[i], centred[i]));
        }
        double cellArea = Math.PI * settings.cellRadius() * settings.cellRadius();
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            // first footprints are only the seed's core: their size says nothing yet, and their traces are
            // noisier (less skewed) than they will be
            boolean judged = spatialCorrelation != null;
            boolean sized = judged && !Double.isNaN(spatialCorrelation[i]);
            double minSnr = judged ? settings.minTraceSnr() : FIRST_ROUND_SNR * settings.minTraceSnr();
            int area = area(footprints.get(i));
            alive[i] = snr[i] >= minSnr && (!judged || Moments.skewness(kinetics.smoothed(raw[i])) >= MIN_SKEW)
                    && (!sized || area >= MIN_AREA * cellArea && area <= MAX_AREA * cellArea
                    && spatialCorrelation[i] >= settings.minSpatialCorrelation());
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!merge || !alive[i] || !alive[j]
                        || !SpatialUpdate.boxesOverlap(footprints.get(i), footprints.get(j))) {
                    continue;
                }
                Footprint a = footprints.get(i);
                Footprint b = footprints.get(j);
                double overlap = TraceSolver.dot(a, b) / Math.sqrt(TraceSolver.dot(a, a) * TraceSolver.dot(b, b));
                double corr = spread[i] > 0 && spread[j] > 0
                        ? SpatialUpdate.dot(centred[i], centred[j]) / (spread[i] * spread[j]) : 0;
                if (corr < settings.mergeCorrelation()) {
                    continue;
                }
                if (overlap >= MIN_OVERLAP) {
                    parent[find(parent, i)] = find(parent, j);
                } else {
                    // a cell found in the residual that fires with a known neighbour is what the neighbour's
                    // footprint left out, not a cell of its own
                    boolean newI = unrefined(spatialCorrelation, i);
                    boolean newJ = unrefined(spatialCorrelation, j);
                    if (newI != newJ) {
                        alive[newI ? i : j] = false;
                    }
                }
            }
        }
        List<Footprint> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            List<Integer> group = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (alive[i] && find(parent, i) == root) {
                    group.add(i);
                }
            }
            if (group.isEmpty()) {
                continue;
            }
            int strongest = group.stream().max((x, y) -> Double.compare(spread[x], spread[y])).orElseThrow();
            out.add(group.size() == 1 ? footprints.get(strongest) : merged(footprints, group, spread, width, height));
        }
        return out;
    }

    /**
     * The spatial qualities of refined components followed by {@code added} components not refined yet (NaN):
     * those are judged by their traces only until a refinement has given them their size.
     */
    static double[] notYetRefined(double[] spatialCorrelation, int added) {
        double[] out = java.util.Arrays.copyOf(spatialCorrelation, spatialCorrelation.length + added);
        java.util.Arrays.fill(out, spatialCorrelation.length, out.length, Double.NaN);
        return out;
    }

    private static boolean unrefined(double[] spatialCorrelation, int i) {
        return spatialCorrelation != null && Double.isNaN(spatialCorrelation[i]);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Pixels above a fifth of the peak. */
    static int area(Footprint f) {
        float peak = 0;
        for (float v : f.weights()) {
            peak = Math.max(peak, v);
        }
        int count = 0;
        for (float v : f.weights()) {
            if (v > 0.2f * peak) {
                count++;
            }
        }
        return count;
    }

    /** Σ footprint × trace spread over the union of the boxes, peak 1. */
    private static Footprint merged(List<Footprint> footprints, List<Integer> group, double[] spread, int width,
                                    int height) {
        int x0 = width;
        int y0 = height;
        int x1 = 0;
        int y1 = 0;
        for (int i : group) {
            Footprint f = footprints.get(i);
            x0 = Math.min(x0, f.x0());
            y0 = Math.min(y0, f.y0());
            x1 = Math.max(x1, f.x0() + f.w());
            y1 = Math.max(y1, f.y0() + f.h());
        }
        int w = x1 - x0;
        float[] sum = new float[w * (y1 - y0)];
        for (int i : group) {
            Footprint f = footprints.get(i);
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    sum[(f.y0() + y - y0) * w + f.x0() + x - x0] += (float) (f.weights()[y * f.w() + x] * spread[i]);
                }
            }
        }
        float peak = 0;
        for (float v : sum) {
            peak = Math.max(peak, v);
        }
        float scale = peak > 0 ? 1 / peak : 0;
        for (int k = 0; k < sum.length; k++) {
            sum[k] *= scale;
        }
        return new Footprint(x0, y0, w, y1 - y0, sum);
    }
}
