package org.spikescope.cells;

import org.spikescope.image.IntegralImage;

/**
 * Removes the one-photon background from a frame with a linear high-pass that leaves smooth backgrounds out
 * up to their curvature: the background is (4·B_R − B_2R)/3, where B_R is a box mean of half-width R three times the
 * cell radius. A box mean alone follows a curved background with an error proportional to R²·∇²; this
 * combination cancels that term (Richardson extrapolation), so the bright, fluctuating one-photon light around
 * the cells is removed to fourth order while a cell, much smaller than the boxes, keeps nearly all its contrast.
 * Being linear, it adds no artefacts of its own, and any trace taken from its output is a fixed linear function
 * of the movie. The frame is continued beyond its borders by point reflection, so the background is followed up to
 * the edges. Cells known from an earlier round ({@link CellModel}) are taken out before the background is
 * estimated, and the model's background patterns are removed with it. Not thread-safe.
 */
public final class BackgroundRemoval {

    private final int width;
    private final int height;
    private final int radius;
    /** Margin added on every side: the wider box reaches this far. */
    private final int pad;
    private final int paddedWidth;
    private final int paddedHeight;
    private final float[] padded;
    private final IntegralImage boxes;
    private final float[] narrow;
    private final float[] wide;
    private final float[] residual;

    public BackgroundRemoval(int width, int height, double cellRadius) {
        this.width = width;
        this.height = height;
        this.radius = boxRadius(cellRadius);
        this.pad = 2 * radius;
        this.paddedWidth = width + 2 * pad;
        this.paddedHeight = height + 2 * pad;
        int n = paddedWidth * paddedHeight;
        this.padded = new float[n];
        this.boxes = new IntegralImage(paddedWidth, paddedHeight);
        this.narrow = new float[width];
        this.wide = new float[width];
        this.residual = new float[width * height];
    }

    /** Half-width R of the smaller box. */
    public static int boxRadius(double cellRadius) {
        return Math.max(2, (int) Math.ceil(3 * cellRadius));
    }

    /**
     * Writes the background into {@code background} and the frame less it into {@code cells}. With a model of the
     * cells, the background is estimated from the frame less the model's cells in frame {@code t}.
     */
    public void apply(float[] frame, float[] cells, float[] background, CellModel model, int t) {
        float[] source = frame;
        if (model != null) {
            model.render(t, residual, width);
            for (int i = 0; i < frame.length; i++) {
                residual[i] = frame[i] - residual[i];
            }
            source = residual;
        }
        padOddly(source);
        // both boxes lie inside the padded frame for every pixel of the frame: one summed-area table gives both
        boxes.set(padded);
        for (int y = 0; y < height; y++) {
            int o = y * width;
            boxes.means(y + pad, pad, width, radius, narrow, 0);
            boxes.means(y + pad, pad, width, 2 * radius, wide, 0);
            for (int x = 0; x < width; x++) {
                float b = (4 * narrow[x] - wide[x]) / 3;
                background[o + x] = b;
                cells[o + x] = frame[o + x] - b;
            }
        }
        if (model != null && model.patterns().length > 0) {
            removePatterns(model.patterns(), cells, background);
        }
    }

    /**
     * Each pattern's share of what is left once cells and smooth background are out (its projection, the
     * patterns being orthonormal) is background too.
     */
    private void removePatterns(float[][] patterns, float[] cells, float[] background) {
        for (float[] u : patterns) {
            double v = 0;
            for (int i = 0; i < u.length; i++) {
                // residual holds frame − cells; less the smooth background, what is left
                v += u[i] * (residual[i] - background[i]);
            }
            float a = (float) v;
            for (int i = 0; i < u.length; i++) {
                cells[i] -= a * u[i];
                background[i] += a * u[i];
                residual[i] -= a * u[i];
            }
        }
    }

    /**
     * Copies the image into the middle of the padded buffer and continues it outwards by point reflection about
     * its edge (value(−d) = 2·edge − value(d), the edge averaged over three pixels against noise): a straight
     * gradient carries on straight, and a window centred on an edge pixel sees curvature cancel, so the
     * background is followed to the borders instead of being pulled towards the inside.
     */
    private void padOddly(float[] image) {
        int pw = paddedWidth;
        for (int y = 0; y < height; y++) {
            int row = (y + pad) * pw;
            System.arraycopy(image, y * width, padded, row + pad, width);
            int first = row + pad;
            int last = row + pad + width - 1;
            float left = edge(padded, first, 1, width);
            float right = edge(padded, last, -1, width);
            for (int d = 1; d <= pad; d++) {
                padded[first - d] = 2 * left - padded[first + Math.min(d, width - 1)];
                padded[last + d] = 2 * right - padded[last - Math.min(d, width - 1)];
            }
        }
        int top = pad * pw;
        int bottom = (pad + height - 1) * pw;
        for (int x = 0; x < pw; x++) {
            float upper = edge(padded, top + x, pw, height);
            float lower = edge(padded, bottom + x, -pw, height);
            for (int d = 1; d <= pad; d++) {
                int inner = Math.min(d, height - 1) * pw;
                padded[top + x - d * pw] = 2 * upper - padded[top + x + inner];
                padded[bottom + x + d * pw] = 2 * lower - padded[bottom + x - inner];
            }
        }
    }

    /** Mean of the edge pixel and the next two inwards (fewer if the image is that small). */
    private static float edge(float[] a, int at, int step, int length) {
        int count = Math.min(3, length);
        float sum = 0;
        for (int k = 0; k < count; k++) {
            sum += a[at + k * step];
        }
        return sum / count;
    }
}
