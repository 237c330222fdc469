package org.spikescope.detect;

import org.spikescope.image.BoxMean;

/**
 * The movie as CNMF-E looks for cells in it: smoothed to a Gaussian of about half a cell radius (two box passes),
 * less its mean over a window three cell radii wide. The kernel is small, so a curved background leaves little,
 * and only near the borders. Not thread-safe.
 */
final class SeedFilter {

    private final int width;
    private final int height;
    private final int smoothing;
    private final int surround;
    private final float[] scratch;
    private final float[] local;

    SeedFilter(int width, int height, double cellRadius) {
        this.width = width;
        this.height = height;
        double sigma = cellRadius / 2;
        // two box passes of width k have variance (k² − 1)/6
        this.smoothing = Math.max(1, (int) Math.round((Math.sqrt(6 * sigma * sigma + 1) - 1) / 2));
        this.surround = Math.max(2, (int) Math.ceil(1.5 * cellRadius));
        this.scratch = new float[width * height];
        this.local = new float[width * height];
    }

    void apply(float[] frame, float[] out) {
        BoxMean.apply(frame, scratch, width, height, smoothing, true);
        BoxMean.apply(scratch, out, width, height, smoothing, false);
        BoxMean.apply(out, scratch, width, height, smoothing, true);
        BoxMean.apply(scratch, out, width, height, smoothing, false);
        BoxMean.apply(out, scratch, width, height, surround, true);
        BoxMean.apply(scratch, local, width, height, surround, false);
        for (int i = 0; i < out.length; i++) {
            out[i] -= local[i];
        }
    }
}
