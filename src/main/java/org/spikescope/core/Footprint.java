package org.spikescope.core;

/**
 * A cell's spatial footprint inside its bounding box (x0, y0, w, h), row-major weights with maximum 1.
 */
public record Footprint(int x0, int y0, int w, int h, float[] weights) {

    /** A cell's outline (ROI) encloses its footprint's pixels above this fraction of the peak. */
    public static final float OUTLINE_LEVEL = 0.2f;

    public Footprint {
        if (weights.length != w * h) {
            throw new IllegalArgumentException(weights.length + " weights for a " + w + "x" + h + " box");
        }
    }

    /** The largest weight. */
    public float peak() {
        float max = 0;
        for (float v : weights) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Which pixels of the box lie inside the outline: weights above {@link #OUTLINE_LEVEL} of the peak. */
    public boolean[] outlineMask() {
        float level = OUTLINE_LEVEL * peak();
        boolean[] inside = new boolean[weights.length];
        for (int i = 0; i < weights.length; i++) {
            inside[i] = weights[i] > level;
        }
        return inside;
    }

    /** Pixels inside the outline. */
    public int outlineArea() {
        int area = 0;
        for (boolean in : outlineMask()) {
            area += in ? 1 : 0;
        }
        return area;
    }

    /** Whether box pixel (x, y) of {@code mask} ({@link #outlineMask}) is inside with a 4-neighbour outside. */
    public boolean onOutlineEdge(boolean[] mask, int x, int y) {
        return mask[y * w + x] && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !mask[y * w + x - 1]
                || !mask[y * w + x + 1] || !mask[(y - 1) * w + x] || !mask[(y + 1) * w + x]);
    }

    /** Weighted centre (x, y) in image pixels. */
    public double[] centre() {
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = weights[y * w + x];
                sx += v * (x0 + x);
                sy += v * (y0 + y);
                s += v;
            }
        }
        return new double[]{sx / s, sy / s};
    }

    /**
     * The same weights in the smallest box that holds all non-zero ones (a 0×0 box when there are none): loops over
     * a cell's pixels then skip the empty margin of the window it may grow into, with the same sums.
     */
    public Footprint trimmed() {
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (weights[y * w + x] != 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = y;
                }
            }
        }
        if (right < 0) {
            return new Footprint(x0, y0, 0, 0, new float[0]);
        }
        if (left == 0 && top == 0 && right == w - 1 && bottom == h - 1) {
            return this;
        }
        int tw = right - left + 1;
        int th = bottom - top + 1;
        float[] inside = new float[tw * th];
        for (int y = 0; y < th; y++) {
            System.arraycopy(weights, (top + y) * w + left, inside, y * tw, tw);
        }
        return new Footprint(x0 + left, y0 + top, tw, th, inside);
    }

    /** The same shape moved so that its box starts at (nx0, ny0). */
    public Footprint movedTo(int nx0, int ny0) {
        return new Footprint(nx0, ny0, w, h, weights);
    }
}
