package org.spikescope.testing;

import org.spikescope.core.Footprint;

import java.util.ArrayList;
import java.util.List;

/**
 * One-to-one matching of detected to true cells as CaImAn and Minian score detection: masks are the pixels above
 * a fifth of each footprint's peak, pairs with IoU ≥ 0.5 are taken greedily from the best IoU down.
 */
public final class FootprintMatching {

    public static final double MIN_IOU = 0.5;

    private FootprintMatching() {
    }

    /** Matched pairs as {true index, found index}. */
    public static List<int[]> match(List<Footprint> truth, List<Footprint> found, int width, int height) {
        List<boolean[]> foundMasks = new ArrayList<>();
        for (Footprint f : found) {
            foundMasks.add(mask(f, width, height));
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            boolean[] a = mask(truth.get(i), width, height);
            for (int j = 0; j < found.size(); j++) {
                double iou = iou(a, foundMasks.get(j));
                if (iou >= MIN_IOU) {
                    pairs.add(new double[]{iou, i, j});
                }
            }
        }
        pairs.sort((p, q) -> Double.compare(q[0], p[0]));
        boolean[] usedTrue = new boolean[truth.size()];
        boolean[] usedFound = new boolean[found.size()];
        List<int[]> out = new ArrayList<>();
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (!usedTrue[i] && !usedFound[j]) {
                usedTrue[i] = true;
                usedFound[j] = true;
                out.add(new int[]{i, j});
            }
        }
        return out;
    }

    /** 2·matched / (true + found). */
    public static double f1(List<Footprint> truth, List<Footprint> found, int width, int height) {
        return 2.0 * match(truth, found, width, height).size() / (truth.size() + found.size());
    }

    /**
     * The matches at the whole-pixel shift of the true footprints, up to ±{@code reach}, that matches the most: a
     * motion-corrected movie is aligned to its template, which sits wherever the first frames were, not where the
     * still scene is.
     */
    public static List<int[]> matchUpToOffset(List<Footprint> truth, List<Footprint> found, int width, int height,
                                              int reach) {
        List<int[]> best = List.of();
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                List<Footprint> moved = new ArrayList<>();
                for (Footprint f : truth) {
                    moved.add(f.movedTo(f.x0() + dx, f.y0() + dy));
                }
                List<int[]> m = match(moved, found, width, height);
                if (m.size() > best.size()) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** F1 of {@link #matchUpToOffset}. */
    public static double f1UpToOffset(List<Footprint> truth, List<Footprint> found, int width, int height,
                                      int reach) {
        return 2.0 * matchUpToOffset(truth, found, width, height, reach).size() / (truth.size() + found.size());
    }

    public static boolean[] mask(Footprint f, int width, int height) {
        boolean[] m = new boolean[width * height];
        float peak = 0;
        for (float v : f.weights()) {
            peak = Math.max(peak, v);
        }
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                int ix = f.x0() + x;
                int iy = f.y0() + y;
                if (f.weights()[y * f.w() + x] > 0.2f * peak && ix >= 0 && iy >= 0 && ix < width && iy < height) {
                    m[iy * width + ix] = true;
                }
            }
        }
        return m;
    }

    public static double iou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int k = 0; k < a.length; k++) {
            both += a[k] && b[k] ? 1 : 0;
            either += a[k] || b[k] ? 1 : 0;
        }
        return either == 0 ? 0 : (double) both / either;
    }
}
