package org.spikescope.motion;

/**
 * Moves a frame back onto the template: out(q) = in(q + d(q)), where d is the measured displacement of the
 * content. Cubic convolution (Keys, a = −0.5) keeps cells as sharp as bilinear interpolation would not; pixels
 * that would come from outside the frame copy the nearest edge pixel (as CaImAn's border_nan='copy'). One shift
 * for the whole frame is {@link RigidWarp}'s job.
 */
public final class FrameWarp {

    /** Added before truncating to an int, which then floors: more than any shift the settings allow. */
    private static final int FLOOR_OFFSET = 1024;

    private FrameWarp() {
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
