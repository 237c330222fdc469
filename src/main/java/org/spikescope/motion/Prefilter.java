package org.spikescope.motion;

import org.spikescope.image.BoxMean;

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
    private final float[] columns;

    Prefilter(int width, int height, int bin, int radius) {
        this.width = width;
        this.height = height;
        this.bin = bin;
        this.binnedWidth = width / bin;
        this.binnedHeight = height / bin;
        this.radius = radius;
        this.blur = new float[binnedWidth * binnedHeight];
        this.scratch = new float[binnedWidth * binnedHeight];
        this.columns = new float[binnedWidth];
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
        highPass(out);
    }

    /** The high-pass alone, in place, on an image already binned (binnedWidth × binnedHeight). */
    void highPass(float[] binned) {
        System.arraycopy(binned, 0, blur, 0, blur.length);
        for (int pass = 0; pass < 2; pass++) {
            BoxMean.apply(blur, scratch, binnedWidth, binnedHeight, radius, true);
            BoxMean.apply(scratch, blur, binnedWidth, binnedHeight, radius, false);
        }
        removeLineMeans(binned, blur, binnedWidth, binnedHeight, columns);
    }

    /**
     * Subtracts {@code local} (the local mean), then each row's mean, then each column's: line noise (a common
     * artefact of miniscope sensors and wireless links) adds an offset per row that changes from frame to frame
     * but never moves with the tissue, and would otherwise lock the vertical shift onto the sensor.
     */
    private static void removeLineMeans(float[] image, float[] local, int w, int h, float[] columns) {
        Arrays.fill(columns, 0f);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                image[row + x] -= local[row + x];
            }
            float mean = (float) (rowSum(image, row, w) / w);
            for (int x = 0; x < w; x++) {
                float v = image[row + x] - mean;
                image[row + x] = v;
                columns[x] += v;
            }
        }
        for (int x = 0; x < w; x++) {
            columns[x] /= h;
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                image[row + x] -= columns[x];
            }
        }
    }

    /** Four running sums side by side: the additions overlap instead of waiting on each other. */
    private static double rowSum(float[] image, int row, int w) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int x = 0;
        for (; x + 3 < w; x += 4) {
            s0 += image[row + x];
            s1 += image[row + x + 1];
            s2 += image[row + x + 2];
            s3 += image[row + x + 3];
        }
        double sum = (double) s0 + s1 + s2 + s3;
        for (; x < w; x++) {
            sum += image[row + x];
        }
        return sum;
    }

    private void binInto(float[] frame, float[] out) {
        if (bin == 1) {
            System.arraycopy(frame, 0, out, 0, out.length);
            return;
        }
        if (bin == 2) {
            // the common case (cells about 5 px in radius) without the general loop's inner loop: the same sums,
            // added in the same order
            for (int by = 0; by < binnedHeight; by++) {
                int r0 = 2 * by * width;
                int r1 = r0 + width;
                int target = by * binnedWidth;
                for (int bx = 0; bx < binnedWidth; bx++) {
                    int x = 2 * bx;
                    out[target + bx] = (frame[r0 + x] + frame[r0 + x + 1]) + (frame[r1 + x] + frame[r1 + x + 1]);
                }
            }
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
}
