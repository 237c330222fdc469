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
        int[] foundAreas = new int[found.size()];
        for (int j = 0; j < found.size(); j++) {
            foundAreas[j] = area(found.get(j), width, height);
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            Footprint a = truth.get(i);
            int areaA = area(a, width, height);
            for (int j = 0; j < found.size(); j++) {
                // masks lie within their boxes: disjoint boxes share no pixel
                int both = overlap(a, found.get(j), width, height);
                int either = areaA + foundAreas[j] - both;
                double iou = either == 0 ? 0 : (double) both / either;
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

    /** Pixels of f's mask inside the image. */
    static int area(Footprint f, int width, int height) {
        float limit = 0.2f * peak(f);
        int n = 0;
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                n += inside(f, x, y, width, height) && f.weights()[y * f.w() + x] > limit ? 1 : 0;
            }
        }
        return n;
    }

    /** Pixels in both masks, over the boxes' common part. */
    static int overlap(Footprint a, Footprint b, int width, int height) {
        int x0 = Math.max(a.x0(), b.x0());
        int y0 = Math.max(a.y0(), b.y0());
        int x1 = Math.min(a.x0() + a.w(), b.x0() + b.w());
        int y1 = Math.min(a.y0() + a.h(), b.y0() + b.h());
        float limitA = 0.2f * peak(a);
        float limitB = 0.2f * peak(b);
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                boolean inA = a.weights()[(y - a.y0()) * a.w() + x - a.x0()] > limitA;
                boolean inB = b.weights()[(y - b.y0()) * b.w() + x - b.x0()] > limitB;
                n += inA && inB && x >= 0 && y >= 0 && x < width && y < height ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean inside(Footprint f, int x, int y, int width, int height) {
        int ix = f.x0() + x;
        int iy = f.y0() + y;
        return ix >= 0 && iy >= 0 && ix < width && iy < height;
    }

    private static float peak(Footprint f) {
        float peak = 0;
        for (float v : f.weights()) {
            peak = Math.max(peak, v);
        }
        return peak;
    }

    public static boolean[] mask(Footprint f, int width, int height) {
        boolean[] m = new boolean[width * height];
        float limit = 0.2f * peak(f);
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                if (inside(f, x, y, width, height) && f.weights()[y * f.w() + x] > limit) {
                    m[(f.y0() + y) * width + f.x0() + x] = true;
                }
            }
        }
        return m;
    }
}
