package org.spikescope.register;

import org.spikescope.core.Footprint;

import java.util.function.UnaryOperator;

/** A footprint resampled (bilinear) where a map of the plane puts it, scaled to a peak of 1. */
final class FootprintWarp {

    private FootprintWarp() {
    }

    /**
     * @param forward where a point of the footprint's image lands
     * @param inverse which point of the footprint's image lands on a given one
     * @return the footprint over the box its corners land in, plus a pixel, trimmed (0 × 0 if it vanished)
     */
    static Footprint moved(Footprint f, UnaryOperator<double[]> forward, UnaryOperator<double[]> inverse) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double x = f.x0() + ((corner & 1) == 0 ? -1 : f.w());
            double y = f.y0() + ((corner & 2) == 0 ? -1 : f.h());
            double[] q = forward.apply(new double[]{x, y});
            minX = Math.min(minX, q[0]);
            minY = Math.min(minY, q[1]);
            maxX = Math.max(maxX, q[0]);
            maxY = Math.max(maxY, q[1]);
        }
        int x0 = (int) Math.floor(minX);
        int y0 = (int) Math.floor(minY);
        int w = (int) Math.ceil(maxX) - x0 + 1;
        int h = (int) Math.ceil(maxY) - y0 + 1;
        float peak = f.peak();
        float[] weights = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] p = inverse.apply(new double[]{x0 + x, y0 + y});
                double v = Projections.sample(f.weights(), f.w(), f.h(), p[0] - f.x0(), p[1] - f.y0());
                weights[y * w + x] = (float) (v / peak);
            }
        }
        return new Footprint(x0, y0, w, h, weights).trimmed();
    }

    /** The part of a footprint inside a width × height image (0 × 0 if none). */
    static Footprint clipped(Footprint f, int width, int height) {
        int x0 = Math.max(0, f.x0());
        int y0 = Math.max(0, f.y0());
        int x1 = Math.min(width, f.x0() + f.w());
        int y1 = Math.min(height, f.y0() + f.h());
        if (x1 <= x0 || y1 <= y0) {
            return new Footprint(x0, y0, 0, 0, new float[0]);
        }
        float[] w = new float[(x1 - x0) * (y1 - y0)];
        for (int y = y0; y < y1; y++) {
            System.arraycopy(f.weights(), (y - f.y0()) * f.w() + x0 - f.x0(), w, (y - y0) * (x1 - x0), x1 - x0);
        }
        return new Footprint(x0, y0, x1 - x0, y1 - y0, w).trimmed();
    }
}
