package org.spikescope.motion;

import java.util.Arrays;

/**
 * The cross power spectrum P of an image and a template within the band the band-pass weight leaves (rows
 * −bandY … bandY, x frequencies 0 … bandX; the negative x frequencies are the conjugates), and the correlation
 * C(d) = Re Σ P(k) e^{2πi k·d} evaluated from it: at whole pixels near a point (to find the peak) and between them
 * (to refine it). No inverse FFT is needed: the peak is searched within the largest shift, a few hundred pixels
 * at most, and their values come straight from P, first summed over the rows for each kx at once, then over kx.
 *
 * <p>Real and imaginary parts are kept apart, in one array per band row: every loop over kx then reads and writes
 * at one index, which the JIT (C2, Java 17) needs before it vectorises. Not thread-safe.
 */
final class CorrelationBand {

    private static final int NEWTON_STEPS = 10;
    private static final double MAX_STEP = 0.5;
    /** A Newton step this small (pixels) ends the refinement: the next would change the shift by far less. */
    private static final double CONVERGED = 1e-3;

    private final int width;
    private final int height;
    private final int bandX;
    private final int bandY;
    private final float[][] re;
    private final float[][] im;
    /** Signed row frequency index of band row j: j − bandY. */
    private final int[] rowIndex;
    /** cos and sin of 2π i/n for i < n, along x (n = width) and y (n = height): whole-pixel phases. */
    private final float[] cosX;
    private final float[] sinX;
    private final float[] cosY;
    private final float[] sinY;
    /** Per kx: Σ over rows of P·uy, fy·P·uy, fy²·P·uy, real and imaginary. */
    private final float[][] sums = new float[6][];
    private final float[] qr;
    private final float[] qi;
    private float[] grid = new float[0];
    private int gridX0;
    private int gridY0;
    private int gridWidth;

    CorrelationBand(int width, int height, int bandX, int bandY) {
        this.width = width;
        this.height = height;
        this.bandX = bandX;
        this.bandY = bandY;
        this.re = new float[2 * bandY + 1][bandX + 1];
        this.im = new float[2 * bandY + 1][bandX + 1];
        this.rowIndex = new int[2 * bandY + 1];
        for (int j = 0; j < rowIndex.length; j++) {
            rowIndex[j] = j - bandY;
        }
        this.cosX = new float[width];
        this.sinX = new float[width];
        phases(cosX, sinX);
        this.cosY = new float[height];
        this.sinY = new float[height];
        phases(cosY, sinY);
        for (int s = 0; s < sums.length; s++) {
            sums[s] = new float[bandX + 1];
        }
        this.qr = new float[bandX + 1];
        this.qi = new float[bandX + 1];
    }

    private static void phases(float[] cos, float[] sin) {
        for (int i = 0; i < cos.length; i++) {
            double a = 2 * Math.PI * i / cos.length;
            cos[i] = (float) Math.cos(a);
            sin[i] = (float) Math.sin(a);
        }
    }

    /** Band row of spectrum row {@code ky} (0 … height−1), or −1 when the row lies outside the band. */
    int bandRow(int ky) {
        int j = 2 * ky < height ? ky + bandY : ky - height + bandY;
        return j >= 0 && j < re.length ? j : -1;
    }

    /** Real parts of band row j, kx 0 … bandX: the caller fills them. */
    float[] real(int j) {
        return re[j];
    }

    /** Imaginary parts of band row j. */
    float[] imaginary(int j) {
        return im[j];
    }

    /** Evaluates C at every whole-pixel shift in [fromX, toX] × [fromY, toY], for {@link #at}. */
    void wholePixels(int fromX, int toX, int fromY, int toY) {
        gridX0 = fromX;
        gridY0 = fromY;
        gridWidth = toX - fromX + 1;
        int rows = toY - fromY + 1;
        if (grid.length < gridWidth * rows) {
            grid = new float[gridWidth * rows];
        }
        int count = bandX + 1;
        for (int dy = fromY; dy <= toY; dy++) {
            // Q(kx) = Σ_ky P(kx, ky) e^{2πi ky dy / height}
            Arrays.fill(qr, 0f);
            Arrays.fill(qi, 0f);
            for (int j = 0; j < re.length; j++) {
                int phase = Math.floorMod(rowIndex[j] * dy, height);
                rotateAndAdd(re[j], im[j], cosY[phase], sinY[phase], count);
            }
            for (int dx = fromX; dx <= toX; dx++) {
                double c = qr[0];
                for (int kx = 1; kx < count; kx++) {
                    int phase = Math.floorMod(kx * dx, width);
                    // kx > 0 stands for −kx too (conjugate): twice the real part
                    c += 2 * (qr[kx] * cosX[phase] - qi[kx] * sinX[phase]);
                }
                grid[(dy - fromY) * gridWidth + dx - fromX] = (float) c;
            }
        }
    }

    /** Q += P·(c + i s), real and imaginary parts in loops of their own (vectorised). */
    private void rotateAndAdd(float[] pr, float[] pi, float c, float s, int count) {
        for (int kx = 0; kx < count; kx++) {
            qr[kx] += pr[kx] * c - pi[kx] * s;
        }
        for (int kx = 0; kx < count; kx++) {
            qi[kx] += pr[kx] * s + pi[kx] * c;
        }
    }

    /** C at a whole-pixel shift inside the last {@link #wholePixels} window. */
    float at(int dx, int dy) {
        return grid[(dy - gridY0) * gridWidth + dx - gridX0];
    }

    /**
     * Newton steps on the continuous C(d), starting at {@code d}: the correlation evaluated between pixels, so no
     * pull towards whole pixels. The sums run over the band rows first, for every kx at once, and over kx last,
     * in double: Σ_kx ux·fx^a·Σ_ky P·uy·fy^b gives the gradient and the Hessian (a + b ≤ 2). {@code curvature}
     * receives −Hessian {xx, yy, xy} at the end. False if it does not converge to a maximum.
     */
    boolean refine(double[] d, double[] curvature) {
        int count = bandX + 1;
        for (int iteration = 0; iteration < NEWTON_STEPS; iteration++) {
            for (float[] a : sums) {
                Arrays.fill(a, 0f);
            }
            for (int j = 0; j < re.length; j++) {
                accumulate(j, d[1]);
            }
            double gx = 0;
            double gy = 0;
            double hxx = 0;
            double hyy = 0;
            double hxy = 0;
            for (int kx = 0; kx < count; kx++) {
                // kx above 0 stands for its conjugate at −kx too, whose contributions to these real sums are equal
                double m = kx == 0 ? 1 : 2;
                double f = kx / (double) width;
                double angle = 2 * Math.PI * f * d[0];
                double ur = m * Math.cos(angle);
                double ui = m * Math.sin(angle);
                double re0 = ur * sums[0][kx] - ui * sums[1][kx];
                double im0 = ur * sums[1][kx] + ui * sums[0][kx];
                double re1 = ur * sums[2][kx] - ui * sums[3][kx];
                double im1 = ur * sums[3][kx] + ui * sums[2][kx];
                double re2 = ur * sums[4][kx] - ui * sums[5][kx];
                gx -= f * im0;
                gy -= im1;
                hxx -= f * f * re0;
                hyy -= re2;
                hxy -= f * re1;
            }
            curvature[0] = -hxx;
            curvature[1] = -hyy;
            curvature[2] = -hxy;
            double det = hxx * hyy - hxy * hxy;
            if (!(hxx < 0 && det > 0)) {
                return false;
            }
            // gradient and Hessian above lack their 2π and 4π² factors: the step comes out in cycles
            double sx = -(hyy * gx - hxy * gy) / det / (2 * Math.PI);
            double sy = -(hxx * gy - hxy * gx) / det / (2 * Math.PI);
            double length = Math.hypot(sx, sy);
            if (length > MAX_STEP) {
                // along a ridge the quadratic model overshoots: walk, do not jump
                sx *= MAX_STEP / length;
                sy *= MAX_STEP / length;
            }
            d[0] += sx;
            d[1] += sy;
            if (Math.abs(sx) + Math.abs(sy) < CONVERGED) {
                return true;
            }
        }
        return true;
    }

    /**
     * Band row j's terms of the six sums per kx at vertical shift dy. One loop per pair of sums: C2 vectorised
     * these, not one loop writing all six (measured 2×).
     */
    private void accumulate(int j, double dy) {
        float f = rowIndex[j] / (float) height;
        double angle = 2 * Math.PI * f * dy;
        float c = (float) Math.cos(angle);
        float s = (float) Math.sin(angle);
        float f2 = f * f;
        float[] pr = re[j];
        float[] pi = im[j];
        float[] a0r = sums[0];
        float[] a0i = sums[1];
        float[] a1r = sums[2];
        float[] a1i = sums[3];
        float[] a2r = sums[4];
        float[] a2i = sums[5];
        int count = bandX + 1;
        for (int kx = 0; kx < count; kx++) {
            float r = pr[kx] * c - pi[kx] * s;
            qr[kx] = r;
            a0r[kx] += r;
        }
        for (int kx = 0; kx < count; kx++) {
            float i = pr[kx] * s + pi[kx] * c;
            qi[kx] = i;
            a0i[kx] += i;
        }
        for (int kx = 0; kx < count; kx++) {
            a1r[kx] += f * qr[kx];
        }
        for (int kx = 0; kx < count; kx++) {
            a1i[kx] += f * qi[kx];
        }
        for (int kx = 0; kx < count; kx++) {
            a2r[kx] += f2 * qr[kx];
        }
        for (int kx = 0; kx < count; kx++) {
            a2i[kx] += f2 * qi[kx];
        }
    }
}
