package org.spikescope.image;

/**
 * Grey-scale erosion and dilation with a square of half-width r (minimum and maximum over (2r+1)² pixels), by the
 * van Herk / Gil–Werman algorithm: three comparisons per pixel and direction whatever r. The window is clipped at
 * the image borders. Both passes run over whole rows, so memory is read sequentially. Not thread-safe: one
 * instance per thread.
 */
public final class MinMaxFilter {

    private final int width;
    private final int height;
    private final int radius;
    private final float[] rowPrefix;
    private final float[] rowSuffix;
    private final float[] prefix;
    private final float[] suffix;
    private final float[] between;

    public MinMaxFilter(int width, int height, int radius) {
        this.width = width;
        this.height = height;
        this.radius = radius;
        int paddedWidth = width + 2 * radius;
        int paddedHeight = height + 2 * radius;
        this.rowPrefix = new float[paddedWidth];
        this.rowSuffix = new float[paddedWidth];
        this.prefix = new float[paddedHeight * width];
        this.suffix = new float[paddedHeight * width];
        this.between = new float[width * height];
    }

    /** out = minimum of in over the square (in and out may be the same array). */
    public void erode(float[] in, float[] out) {
        apply(in, out, false);
    }

    /** out = maximum of in over the square (in and out may be the same array). */
    public void dilate(float[] in, float[] out) {
        apply(in, out, true);
    }

    /** out = dilate(erode(in)): the background under bright objects smaller than the square. */
    public void open(float[] in, float[] out) {
        apply(in, out, false);
        apply(out, out, true);
    }

    private void apply(float[] in, float[] out, boolean max) {
        for (int y = 0; y < height; y++) {
            alongRow(in, between, y * width, max);
        }
        downColumns(between, out, max);
    }

    private static float pick(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }

    /**
     * One row, padded by r pad values at each end and cut into blocks of 2r+1: running extremes forwards and
     * backwards within each block; a window (2r+1 long) spans at most two blocks, so two lookups give its extreme.
     */
    private void alongRow(float[] in, float[] out, int base, boolean max) {
        int r = radius;
        int k = 2 * r + 1;
        float pad = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        int n = width + 2 * r; // padded position i holds image x = i − r
        for (int start = 0; start < n; start += k) {
            int end = Math.min(n, start + k);
            float run = pad;
            for (int i = start; i < end; i++) {
                int x = i - r;
                run = pick(run, x >= 0 && x < width ? in[base + x] : pad, max);
                rowPrefix[i] = run;
            }
            run = pad;
            for (int i = end - 1; i >= start; i--) {
                int x = i - r;
                run = pick(run, x >= 0 && x < width ? in[base + x] : pad, max);
                rowSuffix[i] = run;
            }
        }
        for (int x = 0; x < width; x++) {
            // output x covers padded positions x .. x + 2r
            out[base + x] = pick(rowSuffix[x], rowPrefix[x + 2 * r], max);
        }
    }

    /** The same down the columns, whole rows at a time. */
    private void downColumns(float[] in, float[] out, boolean max) {
        int r = radius;
        int k = 2 * r + 1;
        int n = height + 2 * r;
        float pad = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        for (int start = 0; start < n; start += k) {
            int end = Math.min(n, start + k);
            for (int i = start; i < end; i++) {
                runRow(in, prefix, i, i == start ? -1 : i - 1, max, pad);
            }
            for (int i = end - 1; i >= start; i--) {
                runRow(in, suffix, i, i == end - 1 ? -1 : i + 1, max, pad);
            }
        }
        for (int y = 0; y < height; y++) {
            int a = y * width;
            int b = (y + 2 * r) * width;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = pick(suffix[a + x], prefix[b + x], max);
            }
        }
    }

    /** target row i = extreme of target row 'previous' (none when −1) and padded input row i. */
    private void runRow(float[] in, float[] target, int i, int previous, boolean max, float pad) {
        int y = i - radius;
        int t = i * width;
        boolean real = y >= 0 && y < height;
        if (previous < 0) {
            if (real) {
                System.arraycopy(in, y * width, target, t, width);
            } else {
                java.util.Arrays.fill(target, t, t + width, pad);
            }
            return;
        }
        int p = previous * width;
        if (!real) {
            System.arraycopy(target, p, target, t, width);
            return;
        }
        int o = y * width;
        for (int x = 0; x < width; x++) {
            target[t + x] = pick(target[p + x], in[o + x], max);
        }
    }
}
