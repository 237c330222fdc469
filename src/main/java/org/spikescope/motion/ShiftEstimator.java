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
    /** The weighted cross power within the band ({@link #crossPowerRow}), and the refinement's sums per kx. */
    private final float[][] bandRe;
    private final float[][] bandIm;
    private final double[] bandFy;
    private final float[][] sums;
    private final float[] qr;
    private final float[] qi;
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
        this.bandRe = new float[2 * bandY + 1][bandX + 1];
        this.bandIm = new float[2 * bandY + 1][bandX + 1];
        this.bandFy = new double[2 * bandY + 1];
        for (int j = 0; j < bandFy.length; j++) {
            bandFy[j] = fy[Math.floorMod(j - bandY, height)];
        }
        this.sums = new float[6][bandX + 1];
        this.qr = new float[bandX + 1];
        this.qi = new float[bandX + 1];
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

    /**
     * The (high-passed) image every later image is registered against: the estimator's width × height from
     * ({@code x0}, {@code y0}) of {@code image} (held as rows).
     */
    void setTemplate(float[][] image, int x0, int y0) {
        load(image, x0, y0, taperTemplate, templateSpectrum);
        templateEnergy = weightedEnergy(templateSpectrum);
        if (taperTemplate) {
            // only patches ask for their bias ({@link #bias})
            measureStructure(image, x0, y0);
        }
    }

    /**
     * The template's structure tensor S(q) = ∇t ∇tᵀ, weighted as the correlation weights each pixel: its sum M and
     * its first moments about the centre. Where the shift varies over the image (d(q) = d(c) + J (q − c)), the
     * correlation peak lands at d(c) + M⁻¹ Σ S(q) J (q − c), not at d(c): the shift of wherever the structure is.
     */
    private void measureStructure(float[][] image, int x0, int y0) {
        Arrays.fill(structure, 0);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 1; y < height - 1; y++) {
            float[] above = image[y0 + y - 1];
            float[] row = image[y0 + y];
            float[] below = image[y0 + y + 1];
            for (int x = 1; x < width - 1; x++) {
                double gx = 0.5 * (row[x0 + x + 1] - row[x0 + x - 1]);
                double gy = 0.5 * (below[x0 + x] - above[x0 + x]);
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
    Estimate estimate(float[][] image, int x0, int y0, double centreX, double centreY, double radius) {
        load(image, x0, y0, true, crossPower);
        double imageEnergy = 0;
        for (int ky = 0; ky < height; ky++) {
            imageEnergy += crossPowerRow(ky);
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

    private void load(float[][] image, int x0, int y0, boolean tapered, float[] out) {
        double sum = 0;
        for (int y = 0; y < height; y++) {
            float[] row = image[y0 + y];
            for (int x = 0; x < width; x++) {
                sum += row[x0 + x];
            }
        }
        float mean = (float) (sum / (width * height));
        for (int y = 0; y < height; y++) {
            float[] row = image[y0 + y];
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float v = row[x0 + x] - mean;
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
     *
     * <p>The sums run over the band rows first, for every kx at once (float arrays, one index: vectorised), and
     * over kx last, in double: Σ_kx ux·fx^a·Σ_ky P·uy·fy^b gives the gradient and the Hessian with b ≤ 2.
     */
    private boolean refine(double[] d, double[] curvature) {
        int count = bandX + 1;
        for (int iteration = 0; iteration < NEWTON_STEPS; iteration++) {
            for (float[] a : sums) {
                Arrays.fill(a, 0, count, 0f);
            }
            for (int j = 0; j < bandRe.length; j++) {
                accumulate(j, d[1]);
            }
            float[] a0r = sums[0];
            float[] a0i = sums[1];
            float[] a1r = sums[2];
            float[] a1i = sums[3];
            float[] a2r = sums[4];
            float[] a2i = sums[5];
            double gx = 0;
            double gy = 0;
            double hxx = 0;
            double hyy = 0;
            double hxy = 0;
            for (int kx = 0; kx < count; kx++) {
                // kx above 0 stands for its conjugate at −kx too, whose contributions to these real sums are equal
                double m = kx == 0 ? 1 : 2;
                double angle = 2 * Math.PI * fx[kx] * d[0];
                double ur = m * Math.cos(angle);
                double ui = m * Math.sin(angle);
                double f = fx[kx];
                double re0 = ur * a0r[kx] - ui * a0i[kx];
                double im0 = ur * a0i[kx] + ui * a0r[kx];
                double re1 = ur * a1r[kx] - ui * a1i[kx];
                double im1 = ur * a1i[kx] + ui * a1r[kx];
                double re2 = ur * a2r[kx] - ui * a2i[kx];
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
     * Band row j's terms of the six sums per kx (Σ P·uy, Σ fy·P·uy, Σ fy²·P·uy, real and imaginary) at vertical
     * shift dy. One loop per pair of sums: C2 vectorised these, not one loop writing all six (measured 2×).
     */
    private void accumulate(int j, double dy) {
        double angle = 2 * Math.PI * bandFy[j] * dy;
        float cr = (float) Math.cos(angle);
        float ci = (float) Math.sin(angle);
        float f = (float) bandFy[j];
        float f2 = f * f;
        float[] pr = bandRe[j];
        float[] pi = bandIm[j];
        float[] a0r = sums[0];
        float[] a0i = sums[1];
        float[] a1r = sums[2];
        float[] a1i = sums[3];
        float[] a2r = sums[4];
        float[] a2i = sums[5];
        int count = bandX + 1;
        for (int kx = 0; kx < count; kx++) {
            float r = pr[kx] * cr - pi[kx] * ci;
            qr[kx] = r;
            a0r[kx] += r;
        }
        for (int kx = 0; kx < count; kx++) {
            float i = pr[kx] * ci + pi[kx] * cr;
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

    /**
     * One row of the cross power, image · conj(template) weighted by the squared band-pass, in place of the image's
     * spectrum; within the band also into {@link #bandRe} and {@link #bandIm}, real and imaginary parts apart for
     * the refinement. Returns the row's share of the image's weighted energy ({@link #weightedEnergy}). A method
     * per row, called thousands of times, is compiled once by the JIT rather than again and again mid-loop.
     */
    private double crossPowerRow(int ky) {
        int row = ky * columns;
        double energy = 0;
        for (int kx = 0; kx < columns; kx++) {
            int i = row + kx;
            float ar = crossPower[2 * i];
            float ai = crossPower[2 * i + 1];
            float tr = templateSpectrum[2 * i];
            float ti = templateSpectrum[2 * i + 1];
            float w = weight[i];
            energy += (kx == 0 ? 1 : 2) * w * (ar * ar + ai * ai);
            crossPower[2 * i] = w * (ar * tr + ai * ti);
            crossPower[2 * i + 1] = w * (ai * tr - ar * ti);
        }
        int j = 2 * ky < height ? ky + bandY : ky - height + bandY;
        if (j >= 0 && j < bandRe.length) {
            float[] re = bandRe[j];
            float[] im = bandIm[j];
            for (int kx = 0; kx <= bandX; kx++) {
                re[kx] = crossPower[2 * (row + kx)];
                im[kx] = crossPower[2 * (row + kx) + 1];
            }
        }
        return energy;
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
