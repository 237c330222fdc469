package org.spikescope.motion;

import java.util.Arrays;

/**
 * Overlapping square patches covering a frame (NoRMCorre's tiling): patches at most {@code size − overlap} pixels
 * apart, evenly spaced, the outer ones a margin (the largest shift) inside the frame's edges, so that a patch
 * moved with the frame never leaves it. Patch shifts are spread into a smooth
 * field by bilinear interpolation between patch centres, held constant beyond the outermost centres.
 */
public final class PatchGrid {

    private final int[] originsX;
    private final int[] originsY;
    private final int size;
    private final double[] centresX;
    private final double[] centresY;

    /**
     * @param scale pixels of the frame per pixel of the grid (patches may be laid out on a binned image);
     *              centres are reported in frame pixels
     */
    public PatchGrid(int width, int height, int size, int overlap, int margin, int scale) {
        this.size = Math.min(size, Math.min(width, height) - 2 * margin);
        this.originsX = origins(width, this.size, overlap, margin);
        this.originsY = origins(height, this.size, overlap, margin);
        this.centresX = centres(originsX, this.size, scale);
        this.centresY = centres(originsY, this.size, scale);
    }

    /** Evenly spaced origins, as many as the stride asks for, the last patch ending at the edge. */
    private static int[] origins(int length, int size, int overlap, int margin) {
        int span = length - 2 * margin - size;
        int stride = Math.max(1, size - Math.max(0, Math.min(overlap, size - 1)));
        int count = 1 + (int) Math.ceil(span / (double) stride);
        int[] o = new int[count];
        for (int i = 0; i < count; i++) {
            o[i] = margin + (count == 1 ? span / 2 : (int) Math.round(i * span / (double) (count - 1)));
        }
        return o;
    }

    /** A grid pixel i covers frame pixels i·scale … i·scale + scale − 1. */
    private static double[] centres(int[] origins, int size, int scale) {
        return Arrays.stream(origins).mapToDouble(o -> (o + (size - 1) / 2.0) * scale + (scale - 1) / 2.0)
                .toArray();
    }

    public int columns() {
        return originsX.length;
    }

    public int rows() {
        return originsY.length;
    }

    public int count() {
        return rows() * columns();
    }

    /** Side of each patch in grid pixels. */
    public int size() {
        return size;
    }

    /** Patch p = row · columns + column. */
    public int originX(int p) {
        return originsX[p % columns()];
    }

    public int originY(int p) {
        return originsY[p / columns()];
    }

    /** Centre of patch p in frame pixels. */
    public double centreX(int p) {
        return centresX[p % columns()];
    }

    public double centreY(int p) {
        return centresY[p / columns()];
    }

    /** The field of per-patch shifts {@code shifts[p] = {x, y}} at every frame pixel. */
    public ShiftField field(double[][] shifts) {
        int columns = columns();
        return (y, dx, dy) -> {
            int r0 = lower(centresY, y);
            int r1 = Math.min(r0 + 1, rows() - 1);
            double fy = fraction(centresY, r0, r1, y);
            // the field at this row, at each column of centres; then along the row between them
            double[] atX = new double[columns];
            double[] atY = new double[columns];
            for (int c = 0; c < columns; c++) {
                atX[c] = (1 - fy) * shifts[r0 * columns + c][0] + fy * shifts[r1 * columns + c][0];
                atY[c] = (1 - fy) * shifts[r0 * columns + c][1] + fy * shifts[r1 * columns + c][1];
            }
            int c0 = 0;
            int c1 = Math.min(1, columns - 1);
            double inverse = c1 > c0 ? 1 / (centresX[c1] - centresX[c0]) : 0;
            for (int x = 0; x < dx.length; x++) {
                while (c0 + 1 < columns - 1 && centresX[c0 + 1] <= x) {
                    c0++;
                    c1 = c0 + 1;
                    inverse = 1 / (centresX[c1] - centresX[c0]);
                }
                double fx = Math.max(0, Math.min(1, (x - centresX[c0]) * inverse));
                dx[x] = (float) ((1 - fx) * atX[c0] + fx * atX[c1]);
                dy[x] = (float) ((1 - fx) * atY[c0] + fx * atY[c1]);
            }
        };
    }

    /** Index of the last centre at or before v (0 before the first). */
    private static int lower(double[] centres, double v) {
        int i = 0;
        while (i + 1 < centres.length - 1 && centres[i + 1] <= v) {
            i++;
        }
        return i;
    }

    /** Position of v between centres a and b, clamped to [0, 1]: beyond the outermost centres the field is held. */
    private static double fraction(double[] centres, int a, int b, double v) {
        if (a == b) {
            return 0;
        }
        return Math.max(0, Math.min(1, (v - centres[a]) / (centres[b] - centres[a])));
    }
}
