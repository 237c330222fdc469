package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.sim.GroundTruth;
import org.spikescope.testing.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Detected cells against the simulator's truth: one-to-one matches by footprint IoU ≥ 0.5 (masks = weights above a
 * fifth of the peak, greedy from the best IoU), F1, and for matched cells the correlation of the footprints (over
 * the union of their boxes) and of the raw trace with the true fluorescence (amplitude × calcium).
 */
public record DetectionScore(int truth, int detected, int matched, double f1, double medianFootprintCorrelation,
                      double medianTraceCorrelation) {

    static final double MIN_IOU = 0.5;

    public static DetectionScore of(DetectionResult result, GroundTruth truth, int width, int height) {
        List<Footprint> found = result.footprints();
        List<Footprint> real = truth.footprints();
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            boolean[] a = mask(real.get(i), width, height);
            for (int j = 0; j < found.size(); j++) {
                double iou = iou(a, mask(found.get(j), width, height));
                if (iou >= MIN_IOU) {
                    pairs.add(new double[]{iou, i, j});
                }
            }
        }
        pairs.sort((p, q) -> Double.compare(q[0], p[0]));
        boolean[] usedTrue = new boolean[real.size()];
        boolean[] usedFound = new boolean[found.size()];
        List<Double> footprintCorr = new ArrayList<>();
        List<Double> traceCorr = new ArrayList<>();
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (usedTrue[i] || usedFound[j]) {
                continue;
            }
            usedTrue[i] = true;
            usedFound[j] = true;
            footprintCorr.add(footprintCorrelation(real.get(i), found.get(j)));
            double[] fluorescence = new double[truth.storedToTrue().length];
            for (int t = 0; t < fluorescence.length; t++) {
                fluorescence[t] = truth.amplitude()[i] * truth.calcium()[i][truth.storedToTrue()[t]];
            }
            traceCorr.add(Stats.pearson(result.traces().raw()[j], fluorescence));
        }
        int matched = footprintCorr.size();
        double f1 = 2.0 * matched / (real.size() + found.size());
        return new DetectionScore(real.size(), found.size(), matched, f1, median(footprintCorr), median(traceCorr));
    }

    static boolean[] mask(Footprint f, int width, int height) {
        boolean[] m = new boolean[width * height];
        float peak = 0;
        for (float v : f.weights()) {
            peak = Math.max(peak, v);
        }
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                if (f.weights()[y * f.w() + x] > 0.2f * peak) {
                    m[(f.y0() + y) * width + f.x0() + x] = true;
                }
            }
        }
        return m;
    }

    static double iou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int k = 0; k < a.length; k++) {
            both += a[k] && b[k] ? 1 : 0;
            either += a[k] || b[k] ? 1 : 0;
        }
        return either == 0 ? 0 : (double) both / either;
    }

    static double footprintCorrelation(Footprint a, Footprint b) {
        int x0 = Math.min(a.x0(), b.x0());
        int y0 = Math.min(a.y0(), b.y0());
        int x1 = Math.max(a.x0() + a.w(), b.x0() + b.w());
        int y1 = Math.max(a.y0() + a.h(), b.y0() + b.h());
        int n = (x1 - x0) * (y1 - y0);
        double[] va = new double[n];
        double[] vb = new double[n];
        int k = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                va[k] = at(a, x, y);
                vb[k] = at(b, x, y);
                k++;
            }
        }
        return Stats.pearson(va, vb);
    }

    private static double at(Footprint f, int x, int y) {
        int lx = x - f.x0();
        int ly = y - f.y0();
        return lx >= 0 && lx < f.w() && ly >= 0 && ly < f.h() ? f.weights()[ly * f.w() + lx] : 0;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "truth %d, detected %d, matched %d, F1 %.3f, footprint r %.3f, trace r %.3f",
                truth, detected, matched, f1, medianFootprintCorrelation, medianTraceCorrelation);
    }
}
