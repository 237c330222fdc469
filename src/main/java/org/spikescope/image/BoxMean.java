package org.spikescope.image;

/** Box (running-mean) filters on row-major float images, O(1) per pixel whatever the radius. */
public final class BoxMean {

    private BoxMean() {
    }

    /** Running mean over 2r+1 pixels along rows or columns; the window shrinks at the borders. */
    public static void apply(float[] in, float[] out, int w, int h, int r, boolean alongRows) {
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
}
