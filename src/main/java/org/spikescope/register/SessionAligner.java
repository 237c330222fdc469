package org.spikescope.register;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Aligns a session's footprint projection to the reference's by phase correlation (CellReg, Sheintuch et al. 2017,
 * aligns sessions by the cross-correlation of their footprint projections over translations and rotations): the
 * session image rotated over a range of angles, each rotation's best translation read from the peak of the
 * whitened cross-power spectrum, the angle with the highest peak refined in steps of 0.1°, the translation to a
 * fraction of a pixel by a parabola through the peak and its neighbours.
 *
 * <p>Both images are zero-padded to twice the larger size, so a shift of up to the image's size is found without
 * wrapping; each is made zero-mean and tapered at its borders first, so the frame of the image does not correlate
 * with itself. The spectrum is whitened (phase correlation) under a Gaussian low-pass of 1 px, so that the cells'
 * shapes, not the overall brightness of the field, set the peak.
 */
final class SessionAligner {

    /** Coarse angle step (degrees), then the fine step around the best coarse angle. */
    private static final double COARSE_STEP = 1.0;
    private static final double FINE_STEP = 0.1;
    private static final double LOW_PASS_SIGMA = 1.0;
    private static final int TAPER = 8;

    private final int refWidth;
    private final int refHeight;
    private final int canvasWidth;
    private final int canvasHeight;
    private final DoubleFFT_2D fft;
    private final double[] referenceSpectrum;
    private final double[] lowPass;

    /** A rotation's best translation and its peak. */
    private record Peak(double rotation, double shiftX, double shiftY, double height) {
    }

    SessionAligner(float[] reference, int width, int height, int maxWidth, int maxHeight) {
        this.refWidth = width;
        this.refHeight = height;
        this.canvasWidth = 2 * Math.max(width, maxWidth);
        this.canvasHeight = 2 * Math.max(height, maxHeight);
        this.fft = new DoubleFFT_2D(canvasHeight, canvasWidth);
        this.referenceSpectrum = spectrum(reference, width, height);
        this.lowPass = new double[canvasWidth * canvasHeight];
        for (int ky = 0; ky < canvasHeight; ky++) {
            double fy = frequency(ky, canvasHeight);
            for (int kx = 0; kx < canvasWidth; kx++) {
                double fx = frequency(kx, canvasWidth);
                lowPass[ky * canvasWidth + kx] = Math.exp(-2 * Math.PI * Math.PI * LOW_PASS_SIGMA * LOW_PASS_SIGMA
                        * (fx * fx + fy * fy));
            }
        }
    }

    private static double frequency(int k, int n) {
        return (2 * k <= n ? k : k - n) / (double) n;
    }

    /**
     * The transform that brings the session's image onto the reference.
     *
     * @param maxRotation the largest rotation searched, degrees (0 = translation only)
     */
    SessionTransform align(float[] image, int width, int height, double maxRotation) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        Peak best = peakAt(image, width, height, 0);
        if (maxRotation > 0) {
            for (double a = -maxRotation; a <= maxRotation + 1e-9; a += COARSE_STEP) {
                Peak p = peakAt(image, width, height, a);
                best = p.height > best.height ? p : best;
            }
            double centre = best.rotation;
            for (double a = centre - COARSE_STEP; a <= centre + COARSE_STEP + 1e-9; a += FINE_STEP) {
                if (Math.abs(a) <= maxRotation + 1e-9) {
                    Peak p = peakAt(image, width, height, a);
                    best = p.height > best.height ? p : best;
                }
            }
        }
        // the peak lies at the displacement of the session's content from the reference's: undo it
        return new SessionTransform(-best.shiftX, -best.shiftY, best.rotation, cx, cy, null);
    }

    private Peak peakAt(float[] image, int width, int height, double rotation) {
        float[] rotated = rotation == 0 ? image : rotated(image, width, height, rotation);
        double[] s = spectrum(rotated, width, height);
        int n = canvasWidth * canvasHeight;
        for (int i = 0; i < n; i++) {
            double ar = s[2 * i];
            double ai = s[2 * i + 1];
            double br = referenceSpectrum[2 * i];
            double bi = -referenceSpectrum[2 * i + 1];
            double re = ar * br - ai * bi;
            double im = ar * bi + ai * br;
            double mag = Math.hypot(re, im);
            double g = mag > 0 ? lowPass[i] / mag : 0;
            s[2 * i] = re * g;
            s[2 * i + 1] = im * g;
        }
        fft.complexInverse(s, true);
        int bestIndex = 0;
        for (int i = 1; i < n; i++) {
            if (s[2 * i] > s[2 * bestIndex]) {
                bestIndex = i;
            }
        }
        int px = bestIndex % canvasWidth;
        int py = bestIndex / canvasWidth;
        double sx = px + vertex(real(s, px - 1, py), real(s, px, py), real(s, px + 1, py));
        double sy = py + vertex(real(s, px, py - 1), real(s, px, py), real(s, px, py + 1));
        sx = sx > canvasWidth / 2.0 ? sx - canvasWidth : sx;
        sy = sy > canvasHeight / 2.0 ? sy - canvasHeight : sy;
        return new Peak(rotation, sx, sy, s[2 * bestIndex]);
    }

    private double real(double[] c, int x, int y) {
        int wx = Math.floorMod(x, canvasWidth);
        int wy = Math.floorMod(y, canvasHeight);
        return c[2 * (wy * canvasWidth + wx)];
    }

    /** Offset of a parabola's vertex through three equally spaced values, within ±0.5. */
    private static double vertex(double left, double centre, double right) {
        double d = left - 2 * centre + right;
        return d < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / d)) : 0;
    }

    /** The image rotated by {@code degrees} about its centre, on its own grid (bilinear; 0 where nothing lands). */
    private static float[] rotated(float[] image, int width, int height, double degrees) {
        SessionTransform t = new SessionTransform(0, 0, degrees, (width - 1) / 2.0, (height - 1) / 2.0, null);
        return Projections.onReference(image, width, height, t, width, height);
    }

    /** Zero-mean, tapered, zero-padded image → complex spectrum (interleaved re, im). */
    private double[] spectrum(float[] image, int width, int height) {
        double mean = 0;
        for (float v : image) {
            mean += v;
        }
        mean /= image.length;
        double[] c = new double[2 * canvasWidth * canvasHeight];
        for (int y = 0; y < height; y++) {
            double ty = taper(y, height);
            for (int x = 0; x < width; x++) {
                c[2 * (y * canvasWidth + x)] = (image[y * width + x] - mean) * ty * taper(x, width);
            }
        }
        fft.complexForward(c);
        return c;
    }

    private static double taper(int i, int n) {
        int d = Math.min(i, n - 1 - i);
        int e = Math.max(1, Math.min(TAPER, n / 4));
        return d >= e ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / e);
    }

    int referenceWidth() {
        return refWidth;
    }

    int referenceHeight() {
        return refHeight;
    }
}
