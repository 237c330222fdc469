package org.spikescope.motion;

import org.spikescope.image.BoxMean;

import java.util.Arrays;

/**
 * Prepares a frame for shift estimation: sums {@code bin}×{@code bin} blocks (registration needs no finer detail
 * than a fraction of a cell, and a binned FFT is bin² times cheaper), then subtracts a local mean (two box passes
 * about a cell wide). The one-photon background is bright and smooth; removed here, before any taper, it can
 * neither dominate the correlation nor turn the taper into a pattern fixed to the sensor. Line noise goes too
 * ({@link #removeLineMeans}). Binned images are held as rows (image[y][x]), so that the filters' loops vectorise
 * ({@link BoxMean}). Not thread-safe.
 */
final class Prefilter {

    private final int width;
    private final int bin;
    private final int binnedWidth;
    private final int binnedHeight;
    private final int radius;
    private final float[][] blur;
    private final float[][] scratch;
    private final float[] columns;

    Prefilter(int width, int height, int bin, int radius) {
        this.width = width;
        this.bin = bin;
        this.binnedWidth = width / bin;
        this.binnedHeight = height / bin;
        this.radius = radius;
        this.blur = newImage();
        this.scratch = newImage();
        this.columns = new float[binnedWidth];
    }

    /** A binned image, held as rows (binnedHeight × binnedWidth). */
    float[][] newImage() {
        return new float[binnedHeight][binnedWidth];
    }

    int binnedWidth() {
        return binnedWidth;
    }

    int binnedHeight() {
        return binnedHeight;
    }

    /** Binned, high-passed {@code frame} into {@code out}. */
    void apply(float[] frame, float[][] out) {
        bin(frame, out);
        highPass(out);
    }

    /** The high-pass alone, in place, on an image already binned. */
    void highPass(float[][] binned) {
        for (int y = 0; y < binnedHeight; y++) {
            System.arraycopy(binned[y], 0, blur[y], 0, binnedWidth);
        }
        for (int pass = 0; pass < 2; pass++) {
            BoxMean.apply(blur, scratch, radius, true);
            BoxMean.apply(scratch, blur, radius, false);
        }
        removeLineMeans(binned, blur, columns);
    }

    /**
     * Subtracts {@code local} (the local mean), then each row's mean, then each column's: line noise (a common
     * artefact of miniscope sensors and wireless links) adds an offset per row that changes from frame to frame
     * but never moves with the tissue, and would otherwise lock the vertical shift onto the sensor.
     */
    private static void removeLineMeans(float[][] image, float[][] local, float[] columns) {
        int w = columns.length;
        Arrays.fill(columns, 0f);
        for (int y = 0; y < image.length; y++) {
            float[] row = image[y];
            float[] mean = local[y];
            for (int x = 0; x < w; x++) {
                row[x] -= mean[x];
            }
            float rowMean = (float) (rowSum(row) / w);
            for (int x = 0; x < w; x++) {
                row[x] -= rowMean;
            }
            for (int x = 0; x < w; x++) {
                columns[x] += row[x];
            }
        }
        for (int x = 0; x < w; x++) {
            columns[x] /= image.length;
        }
        for (float[] row : image) {
            for (int x = 0; x < w; x++) {
                row[x] -= columns[x];
            }
        }
    }

    /** Four running sums side by side: the additions overlap instead of waiting on each other. */
    private static double rowSum(float[] row) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int x = 0;
        for (; x + 3 < row.length; x += 4) {
            s0 += row[x];
            s1 += row[x + 1];
            s2 += row[x + 2];
            s3 += row[x + 3];
        }
        double sum = (double) s0 + s1 + s2 + s3;
        for (; x < row.length; x++) {
            sum += row[x];
        }
        return sum;
    }

    /** Sums of {@code bin}×{@code bin} blocks of {@code frame} into {@code out}. */
    void bin(float[] frame, float[][] out) {
        if (bin == 1) {
            for (int y = 0; y < binnedHeight; y++) {
                System.arraycopy(frame, y * width, out[y], 0, binnedWidth);
            }
            return;
        }
        if (bin == 2) {
            // the common case (cells about 5 px in radius) without the general loop's inner loop: the same sums,
            // added in the same order
            for (int by = 0; by < binnedHeight; by++) {
                int r0 = 2 * by * width;
                int r1 = r0 + width;
                float[] target = out[by];
                for (int bx = 0; bx < binnedWidth; bx++) {
                    int x = 2 * bx;
                    target[bx] = (frame[r0 + x] + frame[r0 + x + 1]) + (frame[r1 + x] + frame[r1 + x + 1]);
                }
            }
            return;
        }
        for (float[] row : out) {
            Arrays.fill(row, 0f);
        }
        for (int y = 0; y < binnedHeight * bin; y++) {
            int source = y * width;
            float[] target = out[y / bin];
            for (int bx = 0; bx < binnedWidth; bx++) {
                float sum = 0;
                int from = source + bx * bin;
                for (int dx = 0; dx < bin; dx++) {
                    sum += frame[from + dx];
                }
                target[bx] += sum;
            }
        }
    }
}
