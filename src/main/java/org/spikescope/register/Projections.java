package org.spikescope.register;

import org.spikescope.core.Footprint;

import java.util.List;

/** Images made of a session's footprints: what alignment correlates and what the overlay shows. */
final class Projections {

    private Projections() {
    }

    /** Each pixel's largest footprint weight (footprints scaled to a peak of 1) on a width × height image. */
    static float[] maximum(List<Footprint> footprints, int width, int height) {
        float[] image = new float[width * height];
        for (Footprint f : footprints) {
            float peak = f.peak();
            if (peak <= 0) {
                continue;
            }
            for (int y = 0; y < f.h(); y++) {
                int iy = f.y0() + y;
                if (iy < 0 || iy >= height) {
                    continue;
                }
                for (int x = 0; x < f.w(); x++) {
                    int ix = f.x0() + x;
                    if (ix >= 0 && ix < width) {
                        float v = f.weights()[y * f.w() + x] / peak;
                        image[iy * width + ix] = Math.max(image[iy * width + ix], v);
                    }
                }
            }
        }
        return image;
    }

    /** Bilinear value of a width × height image at (x, y); 0 outside. */
    static double sample(float[] image, int width, int height, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(image, width, height, x0, y0) + fx * at(image, width, height, x0 + 1, y0))
                + fy * ((1 - fx) * at(image, width, height, x0, y0 + 1)
                + fx * at(image, width, height, x0 + 1, y0 + 1));
    }

    private static double at(float[] image, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
    }

    /** A session's image moved onto the reference's width × height grid by its transform (0 where it has none). */
    static float[] onReference(float[] image, int width, int height, SessionTransform t, int refWidth,
                               int refHeight) {
        float[] out = new float[refWidth * refHeight];
        for (int y = 0; y < refHeight; y++) {
            for (int x = 0; x < refWidth; x++) {
                double[] p = t.invert(x, y);
                out[y * refWidth + x] = (float) sample(image, width, height, p[0], p[1]);
            }
        }
        return out;
    }

    /** Which reference pixels a session's image covers once moved by its transform. */
    static boolean[] coverage(int width, int height, SessionTransform t, int refWidth, int refHeight) {
        boolean[] out = new boolean[refWidth * refHeight];
        for (int y = 0; y < refHeight; y++) {
            for (int x = 0; x < refWidth; x++) {
                double[] p = t.invert(x, y);
                out[y * refWidth + x] = p[0] >= 0 && p[1] >= 0 && p[0] <= width - 1 && p[1] <= height - 1;
            }
        }
        return out;
    }

    /** Pearson correlation of two images over the pixels marked. */
    static double correlation(float[] a, float[] b, boolean[] where) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (where[i]) {
                sa += a[i];
                sb += b[i];
                saa += (double) a[i] * a[i];
                sbb += (double) b[i] * b[i];
                sab += (double) a[i] * b[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double cov = sab - sa * sb / n;
        double va = saa - sa * sa / n;
        double vb = sbb - sb * sb / n;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Double.NaN;
    }
}
