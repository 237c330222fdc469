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
            int y = 0;
            for (; y + 4 <= h; y += 4) {
                boxMeanFourLines(in, out, y * w, w, r);
            }
            for (; y < h; y++) {
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
            boolean entering = y + r + 1 < h;
            boolean leaving = y - r >= 0;
            if (entering && leaving) {
                // the row out, then the window moved down a row: one sweep over the sums, the same operations in
                // the same order as the three sweeps below
                slide(sums, in, out, base, scale, (y + r + 1) * w, (y - r) * w);
            } else {
                for (int x = 0; x < w; x++) {
                    out[base + x] = (float) sums[x] * scale;
                }
                if (entering) {
                    addRow(sums, in, (y + r + 1) * w, 1);
                }
                if (leaving) {
                    addRow(sums, in, (y - r) * w, -1);
                }
            }
            count += (entering ? 1 : 0) - (leaving ? 1 : 0);
        }
    }

    /** out[base …] = sums · scale, then sums += row {@code entering} − row {@code leaving}, per column. */
    private static void slide(double[] sums, float[] in, float[] out, int base, float scale, int entering,
                              int leaving) {
        for (int x = 0; x < sums.length; x++) {
            double s = sums[x];
            out[base + x] = (float) s * scale;
            s += in[entering + x];
            s += -in[leaving + x];
            sums[x] = s;
        }
    }

    /** Running mean along one row: a fixed window inside, shrinking windows at the two ends. */
    private static void boxMeanLine(float[] in, float[] out, int base, int w, int r) {
        double sum = head(in, out, base, w, r);
        int x = interiorStart(w, r);
        double scale = 1.0 / (2 * r + 1);
        for (; x + r + 1 < w; x++) {
            out[base + x] = (float) (sum * scale);
            sum += in[base + x + r + 1] - in[base + x - r];
        }
        tail(in, out, base, w, r, x, sum);
    }

    /**
     * The same for four rows at once, each with its own sums in the same order: one row's running sum is a chain of
     * dependent additions, four independent chains keep the processor busy.
     */
    private static void boxMeanFourLines(float[] in, float[] out, int b0, int w, int r) {
        int b1 = b0 + w;
        int b2 = b1 + w;
        int b3 = b2 + w;
        double s0 = head(in, out, b0, w, r);
        double s1 = head(in, out, b1, w, r);
        double s2 = head(in, out, b2, w, r);
        double s3 = head(in, out, b3, w, r);
        int x = interiorStart(w, r);
        double scale = 1.0 / (2 * r + 1);
        for (; x + r + 1 < w; x++) {
            out[b0 + x] = (float) (s0 * scale);
            out[b1 + x] = (float) (s1 * scale);
            out[b2 + x] = (float) (s2 * scale);
            out[b3 + x] = (float) (s3 * scale);
            s0 += in[b0 + x + r + 1] - in[b0 + x - r];
            s1 += in[b1 + x + r + 1] - in[b1 + x - r];
            s2 += in[b2 + x + r + 1] - in[b2 + x - r];
            s3 += in[b3 + x + r + 1] - in[b3 + x - r];
        }
        tail(in, out, b0, w, r, x, s0);
        tail(in, out, b1, w, r, x, s1);
        tail(in, out, b2, w, r, x, s2);
        tail(in, out, b3, w, r, x, s3);
    }

    /** The first column whose window lies inside the row (w when none does). */
    private static int interiorStart(int w, int r) {
        return r + r + 1 < w ? r : w;
    }

    /** Writes the shrinking windows before {@link #interiorStart}; returns the window sum there. */
    private static double head(float[] in, float[] out, int base, int w, int r) {
        double sum = 0;
        for (int i = 0; i <= Math.min(r, w - 1); i++) {
            sum += in[base + i];
        }
        int end = interiorStart(w, r);
        for (int x = 0; x < end; x++) {
            out[base + x] = (float) (sum / (Math.min(x + r, w - 1) - Math.max(x - r, 0) + 1));
            sum = slide(in, base, w, r, x, sum);
        }
        return sum;
    }

    /** Writes the shrinking windows from x to the row's end, the window sum at x given. */
    private static void tail(float[] in, float[] out, int base, int w, int r, int x, double sum) {
        double s = sum;
        for (int i = x; i < w; i++) {
            out[base + i] = (float) (s / (Math.min(i + r, w - 1) - Math.max(i - r, 0) + 1));
            s = slide(in, base, w, r, i, s);
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
