package org.spikescope.detect;

import org.spikescope.core.CopiedBorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where cells are likely to be: local maxima of correlation × PNR (CNMF-E's seeding) among pixels that pass both
 * thresholds, strongest first; none in the bands motion correction filled with edge copies.
 */
final class SeedFinder {

    private SeedFinder() {
    }

    /** Seeds as {x, y}, strongest first. */
    static List<int[]> find(SummaryImages s, DetectionSettings settings, CopiedBorder border) {
        int w = s.width();
        int h = s.height();
        float[] score = new float[w * h];
        for (int i = 0; i < score.length; i++) {
            boolean candidate = s.correlation()[i] >= settings.minCorrelation() && s.pnr()[i] >= settings.minPnr();
            score[i] = candidate ? s.correlation()[i] * s.pnr()[i] : 0;
        }
        int m = Math.max(1, (int) Math.round(settings.cellRadius() / 2));
        List<int[]> seeds = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (score[y * w + x] > 0 && !border.contains(x, y, w, h) && isLocalMaximum(score, w, h, x, y, m)) {
                    seeds.add(new int[]{x, y});
                }
            }
        }
        seeds.sort(Comparator.comparingDouble((int[] p) -> -score[p[1] * w + p[0]]));
        return seeds;
    }

    /** Strictly above every earlier pixel of the window and at least every later one, so plateaus give one seed. */
    static boolean isLocalMaximum(float[] score, int w, int h, int x, int y, int m) {
        int centre = y * w + x;
        float v = score[centre];
        for (int yy = Math.max(0, y - m); yy <= Math.min(h - 1, y + m); yy++) {
            for (int xx = Math.max(0, x - m); xx <= Math.min(w - 1, x + m); xx++) {
                int i = yy * w + xx;
                if (i < centre ? score[i] >= v : score[i] > v) {
                    return false;
                }
            }
        }
        return true;
    }
}
