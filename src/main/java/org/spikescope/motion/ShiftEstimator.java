package org.spikescope.motion;

import org.spikescope.image.RealFft2D;

import java.util.Arrays;

/**
 * Shift of an image against a template of the same size by FFT cross-correlation, refined to a fraction of a
 * pixel on the continuous (infinitely upsampled) correlation. Both images come in already high-passed
 * ({@link Prefilter}); the correlation is further weighted by a difference of Gaussians (σ = 1 px minus σ = the
 * cell radius), applied as its square to the product of the spectra.
 *
 * <p>Only the image is tapered towards its borders, the template is not: a taper on both would multiply the
 * correlation by the taper's autocorrelation, which peaks at zero shift and pulls every estimate towards it.
 *
 * <p>Convention: the result (x, y) is the displacement of the image's content relative to the template
 * (positive x = right, positive y = down). Not thread-safe: one instance per thread.
 */
final class ShiftEstimator {

    private static final int NEWTON_STEPS = 10;
    private static final double MAX_STEP = 0.5;
    /** A Newton step this small (pixels) ends the refinement: the next would change the shift by far less. */
    private static final double CONVERGED = 1e-3;

    private final int width;
    private final int height;
    private final RealFft2D fft;
    /** Complex values per spectrum row: x frequencies 0 … width/2 (the negative ones are their conjugates). */
    private final int columns;
    /** Squared filter transfer per frequency, zero on the Nyquist row and column (they have no sign). */
    private final float[] weight;
    /** Frequency indices beyond which the weight is negligible, along x and y. */
    private final int bandX;
    private final int bandY;
    private final float[] taper;
    private final float[] tapered;
    private final float[] templateSpectrum;
    private final float[] crossPower;
    private final float[] inverseScratch;
    private final float[] correlation;
    private final double[] fx;
    private final double[] fy;
    private double templateEnergy;
    private final boolean taperTemplate;
    /** Σ Sxx, Σ Syy, Σ Sxy, then Σ Sxx·qx, Σ Sxx·qy, Σ Syy·qx, Σ Syy·qy, Σ Sxy·qx, Σ Sxy·qy. */
    private final double[] structure = new double[9];

    /**
     * A shift, the normalised correlation at it (0–1), whether the sub-pixel refinement converged, and the
     * curvature of the correlation at the peak ({xx, yy, xy}, positive definite at a maximum): how sharply the
     * shift is determined along each direction. A patch holding one straight vessel has a ridge, not a peak: its
     * shift along the vessel is barely determined, and the curvature says so.
     */
    record Estimate(double x, double y, double correlation, boolean refined, double[] curvature) {
    }

    ShiftEstimator(int width, int height, double cellRadius, int taperWidth, boolean taperTemplate) {
        this.taperTemplate = taperTemplate;
        this.width = width;
        this.height = height;
        this.fft = new RealFft2D(width, height);
        this.columns = fft.columns();
        this.fx = frequencies(width);
        this.fy = frequencies(height);
        this.weight = new float[columns * height];
        double small = 1.0;
        double large = Math.max(2.0, cellRadius);
        for (int ky = 0; ky < height; ky++) {
            for (int kx = 0; kx < columns; kx++) {
                if (2 * kx == width || 2 * ky == height) {
                    continue;
                }
                double f2 = fx[kx] * fx[kx] + fy[ky] * fy[ky];
                double dog = Math.exp(-2 * Math.PI * Math.PI * small * small * f2)
                        - Math.exp(-2 * Math.PI * Math.PI * large * large * f2);
                weight[ky * columns + kx] = (float) (dog * dog);
            }
        }
        this.bandX = reach(weight, width, 1);
        this.bandY = reach(weight, height, columns);
        this.taper = new float[width * height];
        float[] tx = taper1d(width, taperWidth);
        float[] ty = taper1d(height, taperWidth);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                taper[y * width + x] = tx[x] * ty[y];
            }
        }
        this.tapered = new float[width * height];
        this.templateSpectrum = new float[fft.spectrumLength()];
        this.crossPower = new float[fft.spectrumLength()];
        this.inverseScratch = new float[fft.spectrumLength()];
        this.correlation = new float[width * height];
    }

    /**
     * Highest frequency index (below Nyquist) along one axis whose weight is still above a millionth of the
     * largest: the band the refinement needs to visit.
     */
    private static int reach(float[] weight, int n, int step) {
        float max = 0;
        for (float w : weight) {
            max = Math.max(max, w);
        }
        int last = 0;
        for (int k = 1; 2 * k < n; k++) {
            if (weight[k * step] > 1e-6f * max) {
                last = k;
            }
        }
        return last;
    }

    /** Signed frequency in cycles per pixel; 0 at Nyquist, whose weight is zero anyway. */
    private static double[] frequencies(int n) {
        double[] f = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = (2 * k < n ? k : 2 * k > n ? k - n : 0) / (double) n;
        }
        return f;
    }

    /** 1 in the middle, a raised-cosine fall to 0 over {@code edge} pixels on each side (a Tukey window). */
    private static float[] taper1d(int n, int edge) {
        float[] w = new float[n];
        int e = Math.max(1, Math.min(edge, n / 3));
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            w[i] = d >= e ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / e));
        }
        return w;
    }

    /** The (high-passed) image every later image is registered against; row-major, {@code stride} per row. */
    void setTemplate(float[] image, int offset, int stride) {
        load(image, offset, stride, taperTemplate, templateSpectrum);
        templateEnergy = weightedEnergy(templateSpectrum);
        measureStructure(image, offset, stride);
    }

    /**
     * The template's structure tensor S(q) = ∇t ∇tᵀ, weighted as the correlation weights each pixel: its sum M and
     * its first moments about the centre. Where the shift varies over the image (d(q) = d(c) + J (q − c)), the
     * correlation peak lands at d(c) + M⁻¹ Σ S(q) J (q − c), not at d(c): the shift of wherever the structure is.
     */
    private void measureStructure(float[] image, int offset, int stride) {
        Arrays.fill(structure, 0);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 1; y < height - 1; y++) {
            int row = offset + y * stride;
            for (int x = 1; x < width - 1; x++) {
                double gx = 0.5 * (image[row + x + 1] - image[row + x - 1]);
                double gy = 0.5 * (image[row + x + stride] - image[row + x - stride]);
                double w = taper[y * width + x];
                w = taperTemplate ? w * w : w;
                double sxx = w * gx * gx;
                double syy = w * gy * gy;
                double sxy = w * gx * gy;
                double qx = x - cx;
                double qy = y - cy;
                structure[0] += sxx;
                structure[1] += syy;
                structure[2] += sxy;
                structure[3] += sxx * qx;
                structure[4] += sxx * qy;
                structure[5] += syy * qx;
                structure[6] += syy * qy;
                structure[7] += sxy * qx;
                structure[8] += sxy * qy;
            }
        }
    }

    /**
     * Where the correlation peak lands relative to the shift at the image's centre, for a shift field with
     * gradient J = [[jxx, jxy], [jyx, jyy]] (∂dx/∂x, ∂dx/∂y; ∂dy/∂x, ∂dy/∂y): {bias x, bias y}.
     */
    double[] bias(double jxx, double jxy, double jyx, double jyy) {
        double[] m = structure;
        // v = Σ S(q) J (q − c), from the moments: (J q)_x = jxx qx + jxy qy, (J q)_y = jyx qx + jyy qy
        double vx = m[3] * jxx + m[4] * jxy + m[7] * jyx + m[8] * jyy;
        double vy = m[7] * jxx + m[8] * jxy + m[5] * jyx + m[6] * jyy;
        double det = m[0] * m[1] - m[2] * m[2];
        if (!(det > 0)) {
            return new double[2];
        }
        return new double[]{(m[1] * vx - m[2] * vy) / det, (m[0] * vy - m[2] * vx) / det};
    }

    /**
     * Shift of the (high-passed) image against the template, its whole-pixel part searched within
     * ±{@code radius} of ({@code centreX}, {@code centreY}).
     */
    Estimate estimate(float[] image, int offset, int stride, double centreX, double centreY, double radius) {
        load(image, offset, stride, true, crossPower);
        double imageEnergy = weightedEnergy(crossPower);
        int n = columns * height;
        for (int i = 0; i < n; i++) {
            float ar = crossPower[2 * i];
            float ai = crossPower[2 * i + 1];
            float tr = templateSpectrum[2 * i];
            float ti = templateSpectrum[2 * i + 1];
            // image · conj(template), weighted by the squared band-pass
            crossPower[2 * i] = weight[i] * (ar * tr + ai * ti);
            crossPower[2 * i + 1] = weight[i] * (ai * tr - ar * ti);
        }
        System.arraycopy(crossPower, 0, inverseScratch, 0, crossPower.length);
        fft.inverse(inverseScratch, correlation);
        int cx = (int) Math.round(centreX);
        int cy = (int) Math.round(centreY);
        int limit = Math.min(width, height) / 2 - 2;
        int r = (int) Math.min(Math.ceil(radius), limit);
        int bx = cx;
        int by = cy;
        float best = Float.NEGATIVE_INFINITY;
        for (int dy = Math.max(-limit, cy - r); dy <= Math.min(limit, cy + r); dy++) {
            for (int dx = Math.max(-limit, cx - r); dx <= Math.min(limit, cx + r); dx++) {
                float c = correlationAt(dx, dy);
                if (c > best) {
                    best = c;
                    bx = dx;
                    by = dy;
                }
            }
        }
        // the peak's vertex through its neighbours: a start that saves a Newton step (measured 3.0 -> 2.0 steps
        // per estimate), and the answer when Newton does not converge
        double vx = bx + vertex(correlationAt(bx - 1, by), best, correlationAt(bx + 1, by));
        double vy = by + vertex(correlationAt(bx, by - 1), best, correlationAt(bx, by + 1));
        double[] d = {vx, vy};
        double[] curvature = new double[3];
        boolean refined = refine(d, curvature);
        if (!refined || Math.abs(d[0] - bx) > 1.5 || Math.abs(d[1] - by) > 1.5) {
            d[0] = vx;
            d[1] = vy;
            refined = false;
        }
        double norm = Math.sqrt(imageEnergy * templateEnergy);
        // unscaled transforms: correlation and energies both carry a factor n (Parseval), which cancels
        double ncc = norm > 0 ? best / norm : 0;
        return new Estimate(d[0], d[1], ncc, refined, curvature);
    }

    /**
     * Σ weight·|spectrum|² over all frequencies (Parseval: the band-passed image's energy, times n); the stored
     * x frequencies above 0 stand for their conjugates as well.
     */
    private double weightedEnergy(float[] spectrum) {
        double e = 0;
        for (int ky = 0; ky < height; ky++) {
            int row = ky * columns;
            double r = 0;
            for (int kx = 1; kx < columns; kx++) {
                float re = spectrum[2 * (row + kx)];
                float im = spectrum[2 * (row + kx) + 1];
                r += weight[row + kx] * (re * re + im * im);
            }
            float re = spectrum[2 * row];
            float im = spectrum[2 * row + 1];
            e += 2 * r + weight[row] * (re * re + im * im);
        }
        return e;
    }

    private void load(float[] image, int offset, int stride, boolean tapered, float[] out) {
        double sum = 0;
        for (int y = 0; y < height; y++) {
            int row = offset + y * stride;
            for (int x = 0; x < width; x++) {
                sum += image[row + x];
            }
        }
        float mean = (float) (sum / (width * height));
        for (int y = 0; y < height; y++) {
            int row = offset + y * stride;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float v = image[row + x] - mean;
                this.tapered[i] = tapered ? v * taper[i] : v;
            }
        }
        fft.forward(this.tapered, out);
    }

    private float correlationAt(int dx, int dy) {
        int x = Math.floorMod(dx, width);
        int y = Math.floorMod(dy, height);
        return correlation[y * width + x];
    }

    /**
     * Newton steps on the continuous correlation C(d) = Re Σ P(k) e^{2πi k·d}, starting near the whole-pixel peak:
     * the inverse transform evaluated between pixels, so no pull towards whole pixels. False if it does not
     * converge to a maximum.
     */
    private boolean refine(double[] d, double[] curvature) {
        double[] ux = new double[2 * columns];
        double[] uy = new double[2 * height];
        double[] sums = new double[6];
        for (int iteration = 0; iteration < NEWTON_STEPS; iteration++) {
            phasors(fx, columns, d[0], ux);
            phasors(fy, height, d[1], uy);
            double gx = 0;
            double gy = 0;
            double hxx = 0;
            double hyy = 0;
            double hxy = 0;
            // beyond the band-pass's reach the weights are nil: the rows 0 … bandY and their negatives
            for (int ky = -bandY; ky <= bandY; ky++) {
                int k = Math.floorMod(ky, height);
                rowSums(2 * k * columns, ux, sums);
                double cr = uy[2 * k];
                double ci = uy[2 * k + 1];
                double f = fy[k];
                double re0 = sums[0] * cr - sums[1] * ci;
                double im0 = sums[0] * ci + sums[1] * cr;
                double re1 = sums[2] * cr - sums[3] * ci;
                double im1 = sums[2] * ci + sums[3] * cr;
                double re2 = sums[4] * cr - sums[5] * ci;
                gx -= im1;
                gy -= f * im0;
                hxx -= re2;
                hyy -= f * f * re0;
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
     * Over kx in [0, bandX] of one spectrum row: Σ P·ux, Σ fx·P·ux and Σ fx²·P·ux (real and imaginary parts),
     * every kx above 0 counted twice, for itself and its conjugate at −kx (whose real parts are the same).
     */
    private void rowSums(int row, double[] ux, double[] sums) {
        double r0 = 0;
        double i0 = 0;
        double r1 = 0;
        double i1 = 0;
        double r2 = 0;
        double i2 = 0;
        for (int kx = 1; kx <= bandX; kx++) {
            double pr = crossPower[row + 2 * kx];
            double pi = crossPower[row + 2 * kx + 1];
            double qr = pr * ux[2 * kx] - pi * ux[2 * kx + 1];
            double qi = pr * ux[2 * kx + 1] + pi * ux[2 * kx];
            double f = fx[kx];
            r0 += qr;
            i0 += qi;
            r1 += f * qr;
            i1 += f * qi;
            r2 += f * f * qr;
            i2 += f * f * qi;
        }
        sums[0] = 2 * r0 + crossPower[row];
        sums[1] = 2 * i0 + crossPower[row + 1];
        sums[2] = 2 * r1;
        sums[3] = 2 * i1;
        sums[4] = 2 * r2;
        sums[5] = 2 * i2;
    }

    private static void phasors(double[] f, int count, double shift, double[] u) {
        for (int k = 0; k < count; k++) {
            double a = 2 * Math.PI * f[k] * shift;
            u[2 * k] = Math.cos(a);
            u[2 * k + 1] = Math.sin(a);
        }
    }

    /** Offset of the apex of a Gaussian (parabola of logarithms) through three samples; parabola if not positive. */
    static double vertex(double left, double centre, double right) {
        if (left > 0 && centre > 0 && right > 0) {
            double l = Math.log(left);
            double c = Math.log(centre);
            double r = Math.log(right);
            double denominator = l - 2 * c + r;
            return denominator < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / denominator)) : 0;
        }
        double denominator = left - 2 * centre + right;
        return denominator < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denominator)) : 0;
    }
}
