package org.spikescope.sim;

import java.util.SplittableRandom;

/**
 * The one-photon background: out-of-focus light and neuropil, bright and slowly fluctuating, over a static
 * structure (lens vignetting, a smooth tissue texture) and shaded by blood vessels on the surface.
 * Intensities in photoelectrons.
 */
final class BackgroundModel {

    private static final int COMPONENTS = 3;

    private final int width;
    private final int height;
    /** Static background, vessel shading applied. */
    private final float[] base;
    /** Broad fluctuating components, vessel shading applied. */
    private final float[][] blobs;
    /** Time course of each component (relative units) and of the global level. */
    private final double[][] courses;
    private final double[] global;
    private final float[] shade;

    BackgroundModel(SimulationSettings s, SplittableRandom rng) {
        this.width = s.width();
        this.height = s.height();
        int n = width * height;
        this.shade = VesselMap.shade(s, rng);
        float[] texture = smoothTexture(width, height, 3 * s.cellRadius(), rng);
        this.base = new float[n];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double r2max = cx * cx + cy * cy;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r2max;
                double vignette = 1 - 0.45 * r2;
                base[i] = (float) (s.background() * vignette * (1 + 0.12 * texture[i]) * shade[i]);
            }
        }
        this.blobs = new float[COMPONENTS][n];
        this.courses = new double[COMPONENTS][];
        double tau = 3.0 * s.frameRate();
        for (int k = 0; k < COMPONENTS; k++) {
            double bx = width * rng.nextDouble();
            double by = height * rng.nextDouble();
            double sigma = 0.25 * Math.min(width, height) * (0.7 + 0.6 * rng.nextDouble());
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d2 = (x - bx) * (x - bx) + (y - by) * (y - by);
                    blobs[k][y * width + x] = (float) (s.background() * StrictMath.exp(-d2 / (2 * sigma * sigma))
                            * shade[y * width + x]);
                }
            }
            courses[k] = scaled(SmoothNoise.series(s.frames(), tau, rng), s.backgroundFluctuation());
        }
        this.global = scaled(SmoothNoise.series(s.frames(), 10 * s.frameRate(), rng), 0.5 * s.backgroundFluctuation());
    }

    private static double[] scaled(double[] x, double amplitude) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= amplitude;
        }
        return x;
    }

    /** Vessel shading (1 = clear, less under a vessel), shared with the cells. */
    float[] shade() {
        return shade;
    }

    /** Writes the background of frame {@code t} into {@code scene}. */
    void render(int t, float[] scene) {
        float g = (float) (1 + global[t]);
        for (int i = 0; i < scene.length; i++) {
            scene[i] = base[i] * g;
        }
        for (int k = 0; k < COMPONENTS; k++) {
            float a = (float) courses[k][t];
            float[] b = blobs[k];
            for (int i = 0; i < scene.length; i++) {
                scene[i] += a * b[i];
            }
        }
    }

    /** White noise blurred by three box passes (≈ Gaussian of the given sigma), unit standard deviation. */
    static float[] smoothTexture(int w, int h, double sigma, SplittableRandom rng) {
        float[] a = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) SmoothNoise.gaussian(rng);
        }
        int radius = Math.max(1, (int) Math.round(Math.sqrt(sigma * sigma + 1) * 0.9));
        float[] b = new float[a.length];
        for (int pass = 0; pass < 3; pass++) {
            boxBlur(a, b, w, h, radius, true);
            boxBlur(b, a, w, h, radius, false);
        }
        double mean = 0;
        for (float v : a) {
            mean += v;
        }
        mean /= a.length;
        double var = 0;
        for (float v : a) {
            var += (v - mean) * (v - mean);
        }
        float sd = (float) Math.sqrt(var / a.length);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((a[i] - mean) / sd);
        }
        return a;
    }

    private static void boxBlur(float[] in, float[] out, int w, int h, int r, boolean horizontal) {
        int lines = horizontal ? h : w;
        int len = horizontal ? w : h;
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < len; i++) {
                double s = 0;
                int count = 0;
                for (int j = Math.max(0, i - r); j <= Math.min(len - 1, i + r); j++) {
                    s += in[horizontal ? l * w + j : j * w + l];
                    count++;
                }
                out[horizontal ? l * w + i : i * w + l] = (float) (s / count);
            }
        }
    }
}
