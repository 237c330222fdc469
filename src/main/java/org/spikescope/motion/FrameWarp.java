package org.spikescope.motion;

/**
 * Moves a frame back onto the template: out(q) = in(q + d(q)), where d is the measured displacement of the
 * content. Cubic convolution (Keys, a = −0.5) keeps cells as sharp as bilinear interpolation would not; pixels
 * that would come from outside the frame copy the nearest edge pixel (as CaImAn's border_nan='copy').
 */
public final class FrameWarp {

    /** Added before truncating to an int, which then floors: more than any shift the settings allow. */
    private static final int FLOOR_OFFSET = 1024;

    private FrameWarp() {
    }

    /** Whole-frame shift by (dx, dy): separable, so two passes of four taps each. */
    public static void rigid(float[] in, float[] out, int width, int height, double dx, double dy, float[] scratch) {
        int[] xIndex = new int[4 * width];
        float[] xWeight = new float[4];
        taps(dx, width, xIndex, xWeight);
        // where all four taps lie inside the row they are consecutive: a plain 4-tap filter the JIT vectorises;
        // only the few columns near the edges need the clamped indices
        int whole = (int) Math.floor(dx);
        int from = Math.min(width, Math.max(0, 1 - whole));
        int to = Math.max(from, Math.min(width, width - 2 - whole));
        float w0 = xWeight[0];
        float w1 = xWeight[1];
        float w2 = xWeight[2];
        float w3 = xWeight[3];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            clampedTaps(in, scratch, row, 0, from, xIndex, xWeight);
            int s = row + whole - 1;
            for (int x = from; x < to; x++) {
                scratch[row + x] = w0 * in[s + x] + w1 * in[s + x + 1] + w2 * in[s + x + 2] + w3 * in[s + x + 3];
            }
            clampedTaps(in, scratch, row, to, width, xIndex, xWeight);
        }
        int[] yIndex = new int[4 * height];
        float[] yWeight = new float[4];
        taps(dy, height, yIndex, yWeight);
        for (int y = 0; y < height; y++) {
            int r0 = yIndex[4 * y] * width;
            int r1 = yIndex[4 * y + 1] * width;
            int r2 = yIndex[4 * y + 2] * width;
            int r3 = yIndex[4 * y + 3] * width;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = yWeight[0] * scratch[r0 + x] + yWeight[1] * scratch[r1 + x]
                        + yWeight[2] * scratch[r2 + x] + yWeight[3] * scratch[r3 + x];
            }
        }
    }

    private static void clampedTaps(float[] in, float[] out, int row, int from, int to, int[] index, float[] w) {
        for (int x = from; x < to; x++) {
            int k = 4 * x;
            out[row + x] = w[0] * in[row + index[k]] + w[1] * in[row + index[k + 1]] + w[2] * in[row + index[k + 2]]
                    + w[3] * in[row + index[k + 3]];
        }
    }

    /** Source indices (clamped) and weights of the four taps for every output position along one axis. */
    private static void taps(double shift, int n, int[] index, float[] weight) {
        int whole = (int) Math.floor(shift);
        double fraction = shift - whole;
        keys(fraction, weight);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                index[4 * i + k] = Math.max(0, Math.min(n - 1, i + whole - 1 + k));
            }
        }
    }

    /** Cubic convolution weights for taps at −1, 0, 1, 2 around a sample at fraction t ∈ [0, 1). */
    static void keys(double t, float[] w) {
        double t2 = t * t;
        double t3 = t2 * t;
        w[0] = (float) (-0.5 * t3 + t2 - 0.5 * t);
        w[1] = (float) (1.5 * t3 - 2.5 * t2 + 1);
        w[2] = (float) (-1.5 * t3 + 2 * t2 + 0.5 * t);
        w[3] = (float) (0.5 * t3 - 0.5 * t2);
    }

    /**
     * Shift that varies smoothly over the frame: {@code field} gives d at every pixel; each output pixel takes
     * a 4×4 cubic convolution around its own source point.
     */
    public static void field(float[] in, float[] out, int width, int height, ShiftField field) {
        float[] dxRow = new float[width];
        float[] dyRow = new float[width];
        for (int y = 0; y < height; y++) {
            field.row(y, dxRow, dyRow);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                // shifted by a constant so that the cast floors (shifts are validated to be far smaller)
                float sx = x + dxRow[x] + FLOOR_OFFSET;
                float sy = y + dyRow[x] + FLOOR_OFFSET;
                int ix = (int) sx;
                int iy = (int) sy;
                float tx = sx - ix;
                float ty = sy - iy;
                ix -= FLOOR_OFFSET;
                iy -= FLOOR_OFFSET;
                // Keys weights, inline and in float: this loop runs for every pixel of every frame
                float tx2 = tx * tx;
                float tx3 = tx2 * tx;
                float ax0 = -0.5f * tx3 + tx2 - 0.5f * tx;
                float ax1 = 1.5f * tx3 - 2.5f * tx2 + 1;
                float ax2 = -1.5f * tx3 + 2 * tx2 + 0.5f * tx;
                float ax3 = 0.5f * tx3 - 0.5f * tx2;
                float ty2 = ty * ty;
                float ty3 = ty2 * ty;
                float ay0 = -0.5f * ty3 + ty2 - 0.5f * ty;
                float ay1 = 1.5f * ty3 - 2.5f * ty2 + 1;
                float ay2 = -1.5f * ty3 + 2 * ty2 + 0.5f * ty;
                float ay3 = 0.5f * ty3 - 0.5f * ty2;
                if (ix >= 1 && ix < width - 2 && iy >= 1 && iy < height - 2) {
                    int p = (iy - 1) * width + ix - 1;
                    float l0 = ax0 * in[p] + ax1 * in[p + 1] + ax2 * in[p + 2] + ax3 * in[p + 3];
                    p += width;
                    float l1 = ax0 * in[p] + ax1 * in[p + 1] + ax2 * in[p + 2] + ax3 * in[p + 3];
                    p += width;
                    float l2 = ax0 * in[p] + ax1 * in[p + 1] + ax2 * in[p + 2] + ax3 * in[p + 3];
                    p += width;
                    float l3 = ax0 * in[p] + ax1 * in[p + 1] + ax2 * in[p + 2] + ax3 * in[p + 3];
                    out[row + x] = ay0 * l0 + ay1 * l1 + ay2 * l2 + ay3 * l3;
                } else {
                    out[row + x] = edge(in, width, height, ix, iy, new float[]{ax0, ax1, ax2, ax3},
                            new float[]{ay0, ay1, ay2, ay3});
                }
            }
        }
    }

    /** The 4×4 convolution near the borders, with clamped coordinates (edge copies). */
    private static float edge(float[] in, int width, int height, int ix, int iy, float[] ax, float[] ay) {
        float sum = 0;
        for (int j = 0; j < 4; j++) {
            int base = Math.max(0, Math.min(height - 1, iy - 1 + j)) * width;
            float line = 0;
            for (int k = 0; k < 4; k++) {
                line += ax[k] * in[base + Math.max(0, Math.min(width - 1, ix - 1 + k))];
            }
            sum += ay[j] * line;
        }
        return sum;
    }
}
