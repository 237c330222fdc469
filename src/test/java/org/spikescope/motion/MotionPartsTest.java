package org.spikescope.motion;

import org.spikescope.image.BoxMean;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of motion correction on images whose answer is known exactly. */
class MotionPartsTest {

    /** Smooth random texture: white noise blurred by box passes. */
    static float[] texture(int w, int h, long seed) {
        Random rnd = new Random(seed);
        float[] a = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        float[] b = new float[a.length];
        for (int pass = 0; pass < 3; pass++) {
            BoxMean.apply(a, b, w, h, 2, true);
            BoxMean.apply(b, a, w, h, 2, false);
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = 1000 + 100 * a[i];
        }
        return a;
    }

    @Test
    void boxMeansEqualDirectAveragesIncludingShrunkenWindowsAtTheEdges() {
        Random rnd = new Random(3);
        double worst = 0;
        for (int n : new int[]{1, 2, 3, 5, 7, 10, 31}) {
            for (int r : new int[]{1, 2, 3, 6, 9, 12}) {
                float[] in = new float[2 * n];
                for (int i = 0; i < in.length; i++) {
                    in[i] = rnd.nextFloat();
                }
                float[] rows = new float[in.length];
                float[] columns = new float[in.length];
                BoxMean.apply(in, rows, n, 2, r, true);
                BoxMean.apply(in, columns, 2, n, r, false);
                // the same image held as rows: 2 rows of n, and n rows of 2
                float[][] wide = {java.util.Arrays.copyOfRange(in, 0, n), java.util.Arrays.copyOfRange(in, n, 2 * n)};
                float[][] tall = new float[n][];
                for (int i = 0; i < n; i++) {
                    tall[i] = java.util.Arrays.copyOfRange(in, 2 * i, 2 * i + 2);
                }
                float[][] rowsOfRows = new float[2][n];
                float[][] columnsOfRows = new float[n][2];
                BoxMean.apply(wide, rowsOfRows, r, true);
                BoxMean.apply(tall, columnsOfRows, r, false);
                for (int a = 0; a < 2; a++) {
                    for (int i = 0; i < n; i++) {
                        double sumRow = 0;
                        double sumColumn = 0;
                        int count = 0;
                        for (int k = Math.max(0, i - r); k <= Math.min(n - 1, i + r); k++) {
                            sumRow += in[a * n + k];
                            sumColumn += in[k * 2 + a];
                            count++;
                        }
                        worst = Math.max(worst, Math.abs(sumRow / count - rows[a * n + i]));
                        worst = Math.max(worst, Math.abs(sumColumn / count - columns[i * 2 + a]));
                        worst = Math.max(worst, Math.abs(sumRow / count - rowsOfRows[a][i]));
                        worst = Math.max(worst, Math.abs(sumColumn / count - columnsOfRows[i][a]));
                    }
                }
            }
        }
        assertEquals(0, worst, 1e-6);
    }

    @Test
    void wholePixelShiftsMoveEveryInteriorPixelExactly() {
        int w = 40;
        int h = 30;
        float[] in = texture(w, h, 1);
        float[] out = new float[w * h];
        new RigidWarp(w, h).apply(in, out, 3, -2);
        // out(q) = in(q + d)
        for (int y = 2; y < h - 3; y++) {
            for (int x = 0; x < w - 3; x++) {
                assertEquals(in[(y - 2) * w + x + 3], out[y * w + x], 1e-3, "at " + x + "," + y);
            }
        }
    }

    /**
     * Whole-pixel shifts make exact edge copies: every pixel that some frame fills with a copy (its source q + d lies
     * outside the frame) is inside the border the shifts give, and each band's innermost line is a copy in some frame.
     */
    @Test
    void theCopiedBorderHoldsEveryEdgeCopyAndNoMore() {
        int w = 40;
        int h = 30;
        double[] xs = {3, -1, 2};
        double[] ys = {-2, 1, Double.NaN};
        MotionResult r = new MotionResult(MotionSettings.defaults(), w, h, xs, ys, null, null, null, new int[3],
                null, null, 0);
        org.spikescope.core.CopiedBorder border = r.copiedBorder();
        assertEquals(new org.spikescope.core.CopiedBorder(1, 2, 3, 1), border, "the NaN frame (left out) is ignored");
        boolean[][] copiedAt = new boolean[4][]; // left, top, right, bottom: which lines were copies somewhere
        copiedAt[0] = new boolean[w];
        copiedAt[1] = new boolean[h];
        copiedAt[2] = new boolean[w];
        copiedAt[3] = new boolean[h];
        for (int t = 0; t < 2; t++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sx = x + xs[t];
                    double sy = y + ys[t];
                    if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
                        assertTrue(border.contains(x, y, w, h), "frame " + t + " copies into " + x + "," + y);
                    }
                    copiedAt[0][x] |= sx < 0;
                    copiedAt[1][y] |= sy < 0;
                    copiedAt[2][x] |= sx > w - 1;
                    copiedAt[3][y] |= sy > h - 1;
                }
            }
        }
        assertTrue(copiedAt[0][border.left() - 1] && copiedAt[1][border.top() - 1]
                && copiedAt[2][w - border.right()] && copiedAt[3][h - border.bottom()], "no band is wider than needed");
        // piecewise: a patch that moved further widens its side
        float[][] px = {{3, 5.5f}, {-1, -1}, {0, 0}};
        float[][] py = {{-2, -2}, {1, 1}, {0, 0}};
        MotionResult p = new MotionResult(MotionSettings.defaults(), w, h, xs, ys, px, py, null, new int[3], null, null,
                0);
        assertEquals(new org.spikescope.core.CopiedBorder(1, 2, 6, 1), p.copiedBorder());
        assertEquals(3, r.largestShift(), 0);
        assertEquals(5.5, p.largestShift(), 0);
    }

    @Test
    void aConstantFieldWarpsLikeTheRigidShiftEdgesIncluded() {
        int w = 48;
        int h = 36;
        float[] in = texture(w, h, 2);
        RigidWarp warp = new RigidWarp(w, h);
        for (double[] d : new double[][]{{1.3, -0.6}, {-4.6, 7.3}, {0, 0}, {20.5, -0.25}, {-60, 3}}) {
            float[] rigid = new float[w * h];
            float[] field = new float[w * h];
            warp.apply(in, rigid, d[0], d[1]);
            FrameWarp.field(in, field, w, h, (y, dx, dy) -> {
                java.util.Arrays.fill(dx, (float) d[0]);
                java.util.Arrays.fill(dy, (float) d[1]);
            });
            for (int i = 0; i < rigid.length; i++) {
                assertEquals(field[i], rigid[i], 0.01, "shift " + d[0] + "," + d[1] + " pixel " + i);
            }
        }
    }

    @Test
    void subPixelShiftsOfACleanImageAreRecoveredToTwoHundredthsOfAPixel() {
        int size = 128;
        float[] template = texture(size, size, 3);
        MotionSettings s = MotionSettings.defaults().withShape(8, 2);
        FrameRegistration registration = new FrameRegistration(size, size, s);
        registration.setTemplate(template);
        float[] frame = new float[size * size];
        double worst = 0;
        for (double[] d : new double[][]{{0.25, -0.4}, {-1.7, 2.3}, {3.5, 0.1}, {-0.05, -4.45}}) {
            // the frame shows the template moved by d: frame(q) = template(q − d)
            new RigidWarp(size, size).apply(template, frame, -d[0], -d[1]);
            FrameRegistration.Shifts found = registration.register(frame);
            worst = Math.max(worst, Math.max(Math.abs(found.x() - d[0]), Math.abs(found.y() - d[1])));
        }
        System.out.printf("clean sub-pixel shifts: largest error %.4f px%n", worst);
        // the frames are made by cubic interpolation, itself not an exact shift: that sets the floor here
        assertTrue(worst < 0.02, "largest error " + worst);
    }

    @Test
    void patchesCoverTheFrameInsideTheMarginAndTheFieldIsExactAtTheirCentres() {
        PatchGrid g = new PatchGrid(200, 120, 64, 32, 5, 1);
        assertEquals(5, g.originX(0));
        assertEquals(200 - 5 - 64, g.originX(g.columns() - 1));
        assertEquals(120 - 5 - 64, g.originY(g.count() - 1));
        for (int c = 1; c < g.columns(); c++) {
            assertTrue(g.originX(c) - g.originX(c - 1) <= 32, "stride at column " + c);
        }
        double[][] shifts = new double[g.count()][];
        for (int p = 0; p < g.count(); p++) {
            shifts[p] = new double[]{p, -p};
        }
        ShiftField f = g.field(shifts);
        float[] dx = new float[200];
        float[] dy = new float[200];
        for (int p = 0; p < g.count(); p++) {
            int y = (int) g.centreY(p);
            f.row(y, dx, dy);
            if (y == g.centreY(p) && (int) g.centreX(p) == g.centreX(p)) {
                assertEquals(p, dx[(int) g.centreX(p)], 1e-5);
            }
        }
        // beyond the outermost centres the field is held
        f.row(0, dx, dy);
        assertEquals(shifts[0][0], dx[0], 1e-6);
        assertArrayEquals(new float[]{dx[0], dy[0]}, new float[]{0f, -0f}, 1e-6f);
    }
}
