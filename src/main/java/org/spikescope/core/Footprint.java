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

    /** The same shape moved so that its box starts at (nx0, ny0). */
    public Footprint movedTo(int nx0, int ny0) {
        return new Footprint(nx0, ny0, w, h, weights);
    }
}
