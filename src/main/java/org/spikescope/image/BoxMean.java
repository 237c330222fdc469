package org.spikescope.image;

/**
 * Box (running-mean) filters on row-major float images: small windows add their taps directly, a whole row at a
 * time (vectorised, and no serial dependence along the row); larger ones keep running sums, O(1) per pixel
 * whatever the radius.
 */
public final class BoxMean {

    /** Radii up to this add their 2r+1 taps directly: fewer operations than it seems, all of them vectorised. */
    private static final int DIRECT_RADIUS = 8;

    private BoxMean() {
    }

    /**
     * Mean over 2r+1 pixels along rows or columns; the window shrinks at the borders. {@code in} and {@code out}
     * must be different arrays.
     */
    public static void apply(float[] in, float[] out, int w, int h, int r, boolean alongRows) {
        if (r <= DIRECT_RADIUS) {
            if (alongRows) {
                directAlongRows(in, out, w, h, r);
            } else {
                directAlongColumns(in, out, w, h, r);
            }
            return;
        }
        if (alongRows) {
            for (int y = 0; y < h; y++) {
                boxMeanLine(in, out, y * w, w, r);
            }
            return;
        }
        // down the columns, a whole row at a time: running sums per column keep memory access sequential
        double[] sums = new double[w];
        int count = 0;
        for (int y = 0; y <= Math.min(r, h - 1); y++) {
            addRow(sums, in, y * w, 1);
            count++;
        }
        for (int y = 0; y < h; y++) {
            float scale = 1f / count;
            int base = y * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = (float) sums[x] * scale;
            }
            if (y + r + 1 < h) {
                addRow(sums, in, (y + r + 1) * w, 1);
                count++;
            }
            if (y - r >= 0) {
                addRow(sums, in, (y - r) * w, -1);
                count--;
            }
        }
    }

    /** Running mean along one row: a fixed window inside, shrinking windows at the two ends. */
    private static void boxMeanLine(float[] in, float[] out, int base, int w, int r) {
        double sum = 0;
        for (int i = 0; i <= Math.min(r, w - 1); i++) {
            sum += in[base + i];
        }
        int x = 0;
        for (; x < w && !(x >= r && x + r + 1 < w); x++) {
            out[base + x] = (float) (sum / (Math.min(x + r, w - 1) - Math.max(x - r, 0) + 1));
            sum = slide(in, base, w, r, x, sum);
        }
        double scale = 1.0 / (2 * r + 1);
        for (; x + r + 1 < w; x++) {
            out[base + x] = (float) (sum * scale);
            sum += in[base + x + r + 1] - in[base + x - r];
        }
        for (; x < w; x++) {
            out[base + x] = (float) (sum / (Math.min(x + r, w - 1) - Math.max(x - r, 0) + 1));
            sum = slide(in, base, w, r, x, sum);
        }
    }

    /** The window sum moved from position x to x + 1. */
    private static double slide(float[] in, int base, int w, int r, int x, double sum) {
        double s = sum;
        if (x + r + 1 < w) {
            s += in[base + x + r + 1];
        }
        if (x - r >= 0) {
            s -= in[base + x - r];
        }
        return s;
    }

    private static void addRow(double[] sums, float[] in, int offset, int sign) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] += sign * in[offset + x];
        }
    }

    private static void directAlongRows(float[] in, float[] out, int w, int h, int r) {
        int from = Math.min(r, w);
        int to = Math.max(from, w - r);
        float scale = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int b = y * w;
            for (int x = 0; x < from; x++) {
                out[b + x] = windowMean(in, b, w, x, r);
            }
            for (int x = to; x < w; x++) {
                out[b + x] = windowMean(in, b, w, x, r);
            }
            if (to == from) {
                continue;
            }
            System.arraycopy(in, b + from - r, out, b + from, to - from);
            for (int k = 1 - r; k <= r; k++) {
                int o = b + k;
                for (int x = from; x < to; x++) {
                    out[b + x] += in[o + x];
                }
            }
            for (int x = from; x < to; x++) {
                out[b + x] *= scale;
            }
        }
    }

    /** Mean of row {@code base}'s pixels within r of x (fewer at the ends). */
    private static float windowMean(float[] in, int base, int w, int x, int r) {
        int lo = Math.max(0, x - r);
        int hi = Math.min(w - 1, x + r);
        float sum = 0;
        for (int i = lo; i <= hi; i++) {
            sum += in[base + i];
        }
        return sum / (hi - lo + 1);
    }

    private static void directAlongColumns(float[] in, float[] out, int w, int h, int r) {
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - r);
            int hi = Math.min(h - 1, y + r);
            int b = y * w;
            System.arraycopy(in, lo * w, out, b, w);
            for (int k = lo + 1; k <= hi; k++) {
                int o = k * w;
                for (int x = 0; x < w; x++) {
                    out[b + x] += in[o + x];
                }
            }
            float scale = 1f / (hi - lo + 1);
            for (int x = 0; x < w; x++) {
                out[b + x] *= scale;
            }
        }
    }
}
