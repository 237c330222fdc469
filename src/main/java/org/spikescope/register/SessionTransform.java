package org.spikescope.register;

/**
 * Where a session's pixel lands on the reference: rotated by {@code rotationDeg} about the session image's centre
 * ({@code centreX}, {@code centreY}), then moved by ({@code dx}, {@code dy}), then, for a nonrigid alignment, by a
 * smooth field {@code warp} (the displacement's x and y as quadratics in the rigidly aligned x and y; null when
 * rigid). Pixel coordinates: x to the right, y down, pixel centres at whole numbers.
 */
public record SessionTransform(double dx, double dy, double rotationDeg, double centreX, double centreY,
                               double[] warp) {

    /** Coefficients per displacement component: 1, x, y, x², xy, y² (in units of the image size). */
    static final int WARP_TERMS = 6;

    public static SessionTransform identity(double centreX, double centreY) {
        return new SessionTransform(0, 0, 0, centreX, centreY, null);
    }

    public SessionTransform withWarp(double[] field) {
        return new SessionTransform(dx, dy, rotationDeg, centreX, centreY, field);
    }

    /** The session's point (x, y) on the reference. */
    public double[] apply(double x, double y) {
        double a = Math.toRadians(rotationDeg);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double rx = c * (x - centreX) - s * (y - centreY) + centreX + dx;
        double ry = s * (x - centreX) + c * (y - centreY) + centreY + dy;
        if (warp == null) {
            return new double[]{rx, ry};
        }
        return new double[]{rx + field(warp, 0, rx, ry), ry + field(warp, WARP_TERMS, rx, ry)};
    }

    /** The session's point that lands on the reference's (x, y): the inverse of {@link #apply}. */
    public double[] invert(double x, double y) {
        double rx = x;
        double ry = y;
        if (warp != null) {
            // the field is smooth and small: a few fixed-point steps invert it to well below a pixel
            for (int i = 0; i < 5; i++) {
                rx = x - field(warp, 0, rx, ry);
                ry = y - field(warp, WARP_TERMS, rx, ry);
            }
        }
        double a = Math.toRadians(rotationDeg);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double px = rx - dx - centreX;
        double py = ry - dy - centreY;
        return new double[]{c * px + s * py + centreX, -s * px + c * py + centreY};
    }

    /** The quadratic field's terms at (x, y), scaled by the centre's coordinates so that all are of order 1. */
    static double[] terms(double x, double y, double scaleX, double scaleY) {
        double u = x / scaleX - 1;
        double v = y / scaleY - 1;
        return new double[]{1, u, v, u * u, u * v, v * v};
    }

    private double field(double[] coefficients, int from, double x, double y) {
        double[] t = terms(x, y, Math.max(1, centreX), Math.max(1, centreY));
        double sum = 0;
        for (int k = 0; k < WARP_TERMS; k++) {
            sum += coefficients[from + k] * t[k];
        }
        return sum;
    }
}
