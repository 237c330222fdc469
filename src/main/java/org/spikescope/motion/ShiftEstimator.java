package org.spikescope.motion;

import org.spikescope.image.RealFft2D;

import java.util.Arrays;

/**
 * Shift of an image against a template of the same size by cross-correlation of their spectra (FFT), refined to a
 * fraction of a pixel on the continuous (infinitely upsampled) correlation ({@link CorrelationBand}). Both images
 * come in already high-passed ({@link Prefilter}); the correlation is further weighted by a difference of Gaussians
 * (σ = 1 px minus σ = the cell radius), applied as its square to the product of the spectra.
 *
 * <p>Only the image is tapered towards its borders, the template is not: a taper on both would multiply the
 * correlation by the taper's autocorrelation, which peaks at zero shift and pulls every estimate towards it.
 *
 * <p>Convention: the result (x, y) is the displacement of the image's content relative to the template
 * (positive x = right, positive y = down). Not thread-safe: one instance per thread.
 */
final class ShiftEstimator {

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
    /** The image's spectrum. */
    private final float[] spectrum;
    private final CorrelationBand band;
    private double templateEnergy;
    /**
     * A patch of a larger image (piecewise mode): its template is tapered too (the frame's patch is cut where the
     * rigid shift moved the template's, so the two tapers align), and its structure is measured for {@link #bias}.
     */
    private final boolean patch;
    /** Σ Sxx, Σ Syy, Σ Sxy, then Σ Sxx·qx, Σ Sxx·qy, Σ Syy·qx, Σ Syy·qy, Σ Sxy·qx, Σ Sxy·qy. */
    private final double[] structure = new double[9];

    /**
     * A shift, the normalised correlation at it (0–1), whether the sub-pixel refinement converged, and the
     * curvature of the correlation at the peak ({xx, yy, xy}, positive definite at a maximum): how sharply the
     * shift is determined along each direction. A patch holding one straight vessel has a ridge, not a peak: its
     * shift along the vessel is barely determined, and the curvature says so. {@code atEdge}: the best whole-pixel
     * shift lay on the rim of the shifts searched.
     */
    record Estimate(double x, double y, double correlation, boolean refined, double[] curvature, boolean atEdge) {
    }

    ShiftEstimator(int width, int height, double cellRadius, int taperWidth, boolean patch) {
        this.patch = patch;
        this.width = width;
        this.height = height;
        this.fft = new RealFft2D(width, height);
        this.columns = fft.columns();
        double[] fx = frequencies(width);
        double[] fy = frequencies(height);
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
        this.spectrum = new float[fft.spectrumLength()];
        this.band = new CorrelationBand(width, height, bandX, bandY);
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
        load(image, x0, y0, patch, templateSpectrum);
        templateEnergy = weightedEnergy(templateSpectrum);
        if (patch) {
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
                w = patch ? w * w : w;
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
        load(image, x0, y0, true, spectrum);
        double imageEnergy = 0;
        for (int ky = 0; ky < height; ky++) {
            imageEnergy += crossPowerRow(ky);
        }
        int cx = (int) Math.round(centreX);
        int cy = (int) Math.round(centreY);
        int limit = Math.min(width, height) / 2 - 2;
        int r = (int) Math.min(Math.ceil(radius), limit);
        int fromX = Math.max(-limit, cx - r);
        int toX = Math.min(limit, cx + r);
        int fromY = Math.max(-limit, cy - r);
        int toY = Math.min(limit, cy + r);
        // one pixel more on each side: the neighbours of a peak on the window's edge
        band.wholePixels(fromX - 1, toX + 1, fromY - 1, toY + 1);
        int bx = cx;
        int by = cy;
        float best = Float.NEGATIVE_INFINITY;
        for (int dy = fromY; dy <= toY; dy++) {
            for (int dx = fromX; dx <= toX; dx++) {
                float c = band.at(dx, dy);
                if (c > best) {
                    best = c;
                    bx = dx;
                    by = dy;
                }
            }
        }
        // the peak's vertex through its neighbours: a start that saves a Newton step (measured 3.0 -> 2.0 steps
        // per estimate), and the answer when Newton does not converge
        double vx = bx + vertex(band.at(bx - 1, by), best, band.at(bx + 1, by));
        double vy = by + vertex(band.at(bx, by - 1), best, band.at(bx, by + 1));
        double[] d = {vx, vy};
        double[] curvature = new double[3];
        boolean refined = band.refine(d, curvature);
        if (!refined || Math.abs(d[0] - bx) > 1.5 || Math.abs(d[1] - by) > 1.5) {
            d[0] = vx;
            d[1] = vy;
            refined = false;
        }
        double norm = Math.sqrt(imageEnergy * templateEnergy);
        // unscaled sums: correlation and energies both carry a factor n (Parseval), which cancels
        double ncc = norm > 0 ? best / norm : 0;
        // the best whole-pixel shift on the window's rim: the true one may lie beyond the shifts searched
        boolean atEdge = bx == fromX || bx == toX || by == fromY || by == toY;
        return new Estimate(d[0], d[1], ncc, refined, curvature, atEdge);
    }

    /**
     * Σ weight·|spectrum|² over all frequencies (Parseval: the band-passed image's energy, times n); the stored
     * x frequencies above 0 stand for their conjugates as well.
     */
    private double weightedEnergy(float[] spectrum) {
        double e = 0;
        for (int ky = 0; ky < height; ky++) {
            e += rowEnergy(spectrum, ky);
        }
        return e;
    }

    /** Spectrum row ky's share of {@link #weightedEnergy}. */
    private double rowEnergy(float[] spectrum, int ky) {
        int row = ky * columns;
        double e = 0;
        for (int kx = 0; kx < columns; kx++) {
            float re = spectrum[2 * (row + kx)];
            float im = spectrum[2 * (row + kx) + 1];
            e += (kx == 0 ? 1 : 2) * weight[row + kx] * (re * re + im * im);
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

    /**
     * One row of the cross power, image · conj(template) weighted by the squared band-pass, into the band (rows
     * outside it carry no weight); returns the row's share of the image's weighted energy
     * ({@link #weightedEnergy}).
     */
    private double crossPowerRow(int ky) {
        int row = ky * columns;
        int j = band.bandRow(ky);
        if (j >= 0) {
            float[] re = band.real(j);
            float[] im = band.imaginary(j);
            for (int kx = 0; kx <= bandX; kx++) {
                int i = 2 * (row + kx);
                float ar = spectrum[i];
                float ai = spectrum[i + 1];
                float tr = templateSpectrum[i];
                float ti = templateSpectrum[i + 1];
                float w = weight[row + kx];
                re[kx] = w * (ar * tr + ai * ti);
                im[kx] = w * (ai * tr - ar * ti);
            }
        }
        return rowEnergy(spectrum, ky);
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
