package org.spikescope.motion;

import java.util.Arrays;

/**
 * Prepares a frame for shift estimation: sums {@code bin}×{@code bin} blocks (registration needs no finer detail
 * than a fraction of a cell, and a binned FFT is bin² times cheaper), then subtracts a local mean (two box passes
 * about a cell wide). The one-photon background is bright and smooth; removed here, before any taper, it can
 * neither dominate the correlation nor turn the taper into a pattern fixed to the sensor. Line noise goes too
 * ({@link #removeLineMeans}). Not thread-safe.
 */
final class Prefilter {

    private final int width;
    private final int height;
    private final int bin;
    private final int binnedWidth;
    private final int binnedHeight;
    private final int radius;
    private final float[] blur;
    private final float[] scratch;

    Prefilter(int width, int height, int bin, int radius) {
        this.width = width;
        this.height = height;
        this.bin = bin;
        this.binnedWidth = width / bin;
        this.binnedHeight = height / bin;
        this.radius = radius;
        this.blur = new float[binnedWidth * binnedHeight];
        this.scratch = new float[binnedWidth * binnedHeight];
    }

    int binnedWidth() {
        return binnedWidth;
    }

    int binnedHeight() {
        return binnedHeight;
    }

    /** Binned, high-passed {@code frame} into {@code out} (binnedWidth × binnedHeight). */
    void apply(float[] frame, float[] out) {
        binInto(frame, out);
        System.arraycopy(out, 0, blur, 0, blur.length);
        for (int pass = 0; pass < 2; pass++) {
            boxMean(blur, scratch, binnedWidth, binnedHeight, radius, true);
            boxMean(scratch, blur, binnedWidth, binnedHeight, radius, false);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] -= blur[i];
        }
        removeLineMeans(out, binnedWidth, binnedHeight);
    }

    /**
     * Subtracts each row's mean, then each column's: line noise (a common artefact of miniscope sensors and
     * wireless links) adds an offset per row that changes from frame to frame but never moves with the tissue,
     * and would otherwise lock the vertical shift onto the sensor.
     */
    static void removeLineMeans(float[] image, int w, int h) {
        for (int y = 0; y < h; y++) {
            double sum = 0;
            for (int x = 0; x < w; x++) {
                sum += image[y * w + x];
            }
            float mean = (float) (sum / w);
            for (int x = 0; x < w; x++) {
                image[y * w + x] -= mean;
            }
        }
        double[] columns = new double[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                columns[x] += image[y * w + x];
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image[y * w + x] -= (float) (columns[x] / h);
            }
        }
    }

    private void binInto(float[] frame, float[] out) {
        if (bin == 1) {
            System.arraycopy(frame, 0, out, 0, out.length);
            return;
        }
        Arrays.fill(out, 0f);
        for (int y = 0; y < binnedHeight * bin; y++) {
            int source = y * width;
            int target = (y / bin) * binnedWidth;
            for (int bx = 0; bx < binnedWidth; bx++) {
                float sum = 0;
                int from = source + bx * bin;
                for (int dx = 0; dx < bin; dx++) {
                    sum += frame[from + dx];
                }
                out[target + bx] += sum;
            }
        }
    }

    /** Running mean over 2r+1 pixels along rows or columns; the window shrinks at the borders. */
    static void boxMean(float[] in, float[] out, int w, int h, int r, boolean alongRows) {
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
