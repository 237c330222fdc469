package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.sim.GroundTruth;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Detected cells against the simulator's truth: one-to-one matches ({@link FootprintMatching}), F1, and for matched cells the correlation of the footprints (over
 * the union of their boxes) and of the raw trace with the true fluorescence (amplitude × calcium).
 */
public record DetectionScore(int truth, int detected, int matched, double f1, double medianFootprintCorrelation,
                      double medianTraceCorrelation) {

    public static DetectionScore of(DetectionResult result, GroundTruth truth, int width, int height) {
        List<Footprint> found = result.footprints();
        List<Footprint> real = truth.footprints();
        List<Double> footprintCorr = new ArrayList<>();
        List<Double> traceCorr = new ArrayList<>();
        List<int[]> matches = FootprintMatching.match(real, found, width, height);
        for (int[] m : matches) {
            int i = m[0];
            int j = m[1];
            footprintCorr.add(footprintCorrelation(real.get(i), found.get(j)));
            double[] fluorescence = new double[truth.storedToTrue().length];
            for (int t = 0; t < fluorescence.length; t++) {
                fluorescence[t] = truth.amplitude()[i] * truth.calcium()[i][truth.storedToTrue()[t]];
            }
            traceCorr.add(Stats.pearson(result.traces().raw()[j], fluorescence));
        }
        double f1 = 2.0 * matches.size() / (real.size() + found.size());
        return new DetectionScore(real.size(), found.size(), matches.size(), f1, median(footprintCorr),
                median(traceCorr));
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
