package org.spikescope.motion;

/**
 * Moves a frame back onto the template: out(q) = in(q + d(q)), where d is the measured displacement of the
 * content. Cubic convolution (Keys, a = −0.5) keeps cells as sharp as bilinear interpolation would not; pixels
 * that would come from outside the frame copy the nearest edge pixel (as CaImAn's border_nan='copy').
 */
public final class FrameWarp {

    private FrameWarp() {
    }

    /** Whole-frame shift by (dx, dy): separable, so two passes of four taps each. */
    public static void rigid(float[] in, float[] out, int width, int height, double dx, double dy, float[] scratch) {
        int[] xIndex = new int[4 * width];
        float[] xWeight = new float[4];
        taps(dx, width, xIndex, xWeight);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int k = 4 * x;
                scratch[row + x] = xWeight[0] * in[row + xIndex[k]] + xWeight[1] * in[row + xIndex[k + 1]]
                        + xWeight[2] * in[row + xIndex[k + 2]] + xWeight[3] * in[row + xIndex[k + 3]];
            }
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
        float[] wx = new float[4];
        float[] wy = new float[4];
        float[] dxRow = new float[width];
        float[] dyRow = new float[width];
        for (int y = 0; y < height; y++) {
            field.row(y, dxRow, dyRow);
            for (int x = 0; x < width; x++) {
                double sx = x + dxRow[x];
                double sy = y + dyRow[x];
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                keys(sx - ix, wx);
                keys(sy - iy, wy);
                double sum = 0;
                boolean inside = ix >= 1 && ix < width - 2 && iy >= 1 && iy < height - 2;
                for (int j = 0; j < 4; j++) {
                    int ry = inside ? iy - 1 + j : Math.max(0, Math.min(height - 1, iy - 1 + j));
                    int base = ry * width;
                    double line;
                    if (inside) {
                        int p = base + ix - 1;
                        line = wx[0] * in[p] + wx[1] * in[p + 1] + wx[2] * in[p + 2] + wx[3] * in[p + 3];
                    } else {
                        line = 0;
                        for (int k = 0; k < 4; k++) {
                            line += wx[k] * in[base + Math.max(0, Math.min(width - 1, ix - 1 + k))];
                        }
                    }
                    sum += wy[j] * line;
                }
                out[y * width + x] = (float) sum;
            }
        }
    }
}
