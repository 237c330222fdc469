package org.spikescope.motion;

import org.jtransforms.fft.FloatFFT_2D;

/**
 * Rigid shift of a frame against a template by FFT cross-correlation of band-passed images. One-photon movies carry
 * a bright, smooth background that would dominate the correlation, and pixel noise that would blur its peak: both
 * images are filtered by a difference of Gaussians (σ = 1 px minus σ = the cell radius, as CaImAn's gSig_filt) in
 * the frequency domain, for free inside the correlation. The peak is refined to a fraction of a pixel by a
 * three-point Gaussian fit along each axis.
 *
 * <p>Convention: (x, y) is the displacement of the frame's content relative to the template (positive x = right,
 * positive y = down); the frame at q shows the template at q − (x, y). Not thread-safe: one instance per thread.
 */
public final class RigidRegistration {

    private final int width;
    private final int height;
    private final FloatFFT_2D fft;
    /** Squared filter transfer (applied once to the product of both spectra), per frequency. */
    private final float[] weight;
    private final float[] templateSpectrum;
    private final float[] work;
    /** Cosine taper towards the borders: the image edges do not move with the tissue and would pin the peak. */
    private final float[] taper;

    public RigidRegistration(int width, int height, double cellRadius) {
        this.width = width;
        this.height = height;
        this.fft = new FloatFFT_2D(height, width);
        this.weight = new float[height * width];
        double small = 1.0;
        double large = Math.max(2.0, cellRadius);
        for (int ky = 0; ky < height; ky++) {
            double fy = (ky <= height / 2 ? ky : ky - height) / (double) height;
            for (int kx = 0; kx < width; kx++) {
                double fx = (kx <= width / 2 ? kx : kx - width) / (double) width;
                double f2 = fx * fx + fy * fy;
                double dog = Math.exp(-2 * Math.PI * Math.PI * small * small * f2)
                        - Math.exp(-2 * Math.PI * Math.PI * large * large * f2);
                weight[ky * width + kx] = (float) (dog * dog);
            }
        }
        this.templateSpectrum = new float[2 * height * width];
        this.work = new float[2 * height * width];
        this.taper = new float[height * width];
        float[] tx = taper1d(width);
        float[] ty = taper1d(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                taper[y * width + x] = tx[x] * ty[y];
            }
        }
    }

    /** 1 in the middle, a raised-cosine fall to 0 over the outer eighth on each side (a Tukey window). */
    private static float[] taper1d(int n) {
        float[] w = new float[n];
        int edge = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            w[i] = d >= edge ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / edge));
        }
        return w;
    }

    /** The image every frame is registered against. */
    public void setTemplate(float[] template) {
        spectrum(template, templateSpectrum);
    }

    /** {x, y} displacement of {@code frame} against the template, searched within ±maxShift pixels. */
    public double[] shift(float[] frame, double maxShift) {
        spectrum(frame, work);
        int n = width * height;
        for (int i = 0; i < n; i++) {
            float fr = work[2 * i];
            float fi = work[2 * i + 1];
            float tr = templateSpectrum[2 * i];
            float ti = templateSpectrum[2 * i + 1];
            // F · conj(T), weighted by the squared band-pass
            work[2 * i] = weight[i] * (fr * tr + fi * ti);
            work[2 * i + 1] = weight[i] * (fi * tr - fr * ti);
        }
        fft.complexInverse(work, false);
        int range = (int) Math.min(Math.ceil(maxShift), Math.min(width, height) / 2 - 2);
        int bx = 0;
        int by = 0;
        float best = Float.NEGATIVE_INFINITY;
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                float c = correlation(dx, dy);
                if (c > best) {
                    best = c;
                    bx = dx;
                    by = dy;
                }
            }
        }
        double sx = bx + vertex(correlation(bx - 1, by), best, correlation(bx + 1, by));
        double sy = by + vertex(correlation(bx, by - 1), best, correlation(bx, by + 1));
        return new double[]{sx, sy};
    }

    /** Real part of the inverse transform at a (wrapped) lag. */
    private float correlation(int dx, int dy) {
        int x = Math.floorMod(dx, width);
        int y = Math.floorMod(dy, height);
        return work[2 * (y * width + x)];
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

    private void spectrum(float[] image, float[] out) {
        double mean = 0;
        for (float v : image) {
            mean += v;
        }
        float m = (float) (mean / image.length);
        for (int i = 0; i < image.length; i++) {
            out[2 * i] = (image[i] - m) * taper[i];
            out[2 * i + 1] = 0;
        }
        fft.complexForward(out);
    }
}
