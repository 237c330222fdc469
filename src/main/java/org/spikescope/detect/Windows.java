package org.spikescope.detect;

import org.spikescope.core.Footprint;

import java.util.ArrayDeque;

/** Square windows around cells and the clean-up of footprints inside them. */
final class Windows {

    private Windows() {
    }

    /** {x0, y0, w, h} of the square of half-width r around (x, y), clipped to the image. */
    static int[] around(int x, int y, int r, int width, int height) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r);
        int x1 = Math.min(width, x + r + 1);
        int y1 = Math.min(height, y + r + 1);
        return new int[]{x0, y0, x1 - x0, y1 - y0};
    }

    /**
     * The footprint restricted to the 4-connected region of {@code keep} that contains (sx, sy) (box
     * coordinates), scaled to a peak of 1; all zero when the start pixel is not kept.
     */
    static Footprint connected(Footprint f, boolean[] keep, int sx, int sy) {
        int w = f.w();
        float[] out = new float[f.weights().length];
        int start = sy * w + sx;
        if (start >= 0 && start < keep.length && keep[start]) {
            boolean[] seen = new boolean[keep.length];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int k = queue.poll();
                out[k] = f.weights()[k];
                int x = k % w;
                int y = k / w;
                int[][] next = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] q : next) {
                    if (q[0] >= 0 && q[0] < w && q[1] >= 0 && q[1] < f.h()) {
                        int j = q[1] * w + q[0];
                        if (!seen[j] && keep[j]) {
                            seen[j] = true;
                            queue.add(j);
                        }
                    }
                }
            }
        }
        float peak = 0;
        for (float v : out) {
            peak = Math.max(peak, v);
        }
        if (peak > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= peak;
            }
        }
        return new Footprint(f.x0(), f.y0(), w, f.h(), out);
    }

    /** Index of the largest weight. */
    static int peak(Footprint f) {
        int best = 0;
        for (int k = 1; k < f.weights().length; k++) {
            if (f.weights()[k] > f.weights()[best]) {
                best = k;
            }
        }
        return best;
    }
}
