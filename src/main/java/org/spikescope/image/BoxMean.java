package org.spikescope.image;

/**
 * Box (running-mean) filters: on row-major float images with running sums, O(1) per pixel whatever the radius; on
 * images held as separate rows with direct sums of the 2r+1 taps, vectorised by the JIT (for small radii).
 */
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

    /**
     * Mean over 2r+1 pixels along rows or columns of an image held as rows ({@code in[y][x]}); the window shrinks
     * at the borders. Every loop reads and writes its arrays at one index, which the JIT (C2, Java 17) needs
     * before it vectorises a loop whose arrays might overlap: along columns each output row sums 2r+1 input rows;
     * along rows each input row is first copied at each of the 2r+1 offsets. O(r) per pixel: meant for small r.
     * {@code in} and {@code out} must not share rows.
     */
    public static void apply(float[][] in, float[][] out, int r, boolean alongRows) {
        if (alongRows) {
            float[][] taps = new float[2 * r + 1][in.length == 0 ? 0 : in[0].length];
            for (int y = 0; y < in.length; y++) {
                meanAlongRow(in[y], out[y], r, taps);
            }
            return;
        }
        int h = in.length;
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - r);
            int hi = Math.min(h - 1, y + r);
            float[] o = out[y];
            System.arraycopy(in[lo], 0, o, 0, o.length);
            for (int k = lo + 1; k <= hi; k++) {
                float[] row = in[k];
                for (int x = 0; x < o.length; x++) {
                    o[x] += row[x];
                }
            }
            scale(o, 0, o.length, 1f / (hi - lo + 1));
        }
    }

    private static void meanAlongRow(float[] in, float[] out, int r, float[][] taps) {
        int w = in.length;
        int from = Math.min(r, w);
        int to = Math.max(from, w - r);
        for (int x = 0; x < from; x++) {
            out[x] = windowMean(in, x, r);
        }
        for (int x = to; x < w; x++) {
            out[x] = windowMean(in, x, r);
        }
        if (to == from) {
            return;
        }
        for (int k = 0; k <= 2 * r; k++) {
            // taps[k][x] = in[x − r + k]
            System.arraycopy(in, from - r + k, taps[k], from, to - from);
        }
        System.arraycopy(taps[0], from, out, from, to - from);
        for (int k = 1; k <= 2 * r; k++) {
            float[] t = taps[k];
            for (int x = from; x < to; x++) {
                out[x] += t[x];
            }
        }
        scale(out, from, to, 1f / (2 * r + 1));
    }

    private static float windowMean(float[] row, int x, int r) {
        int lo = Math.max(0, x - r);
        int hi = Math.min(row.length - 1, x + r);
        float sum = 0;
        for (int i = lo; i <= hi; i++) {
            sum += row[i];
        }
        return sum / (hi - lo + 1);
    }

    private static void scale(float[] a, int from, int to, float factor) {
        for (int x = from; x < to; x++) {
            a[x] *= factor;
        }
    }
}
