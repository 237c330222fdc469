package org.spikescope.sim;

import java.util.SplittableRandom;

/**
 * Brain motion under the lens. (x, y) is the displacement of the frame's content relative to the still scene
 * (positive x = content moved right, positive y = down): the frame at pixel q shows the scene at q − d(q).
 * Rigid motion moves the whole field; piecewise-rigid motion adds a smooth local field interpolated bilinearly
 * between a {@value #NODES}×{@value #NODES} grid of nodes spanning the image (corners, edge centres, centre).
 */
public final class MotionPath {

    public static final int NODES = 3;

    private final boolean piecewise;
    private final int width;
    private final int height;
    private final double[] rigidX;
    private final double[] rigidY;
    /** Local displacement per frame and node: [frame][node row][node col]. */
    private final double[][][] localX;
    private final double[][][] localY;

    MotionPath(SimulationSettings s, SplittableRandom rng) {
        int n = s.frames();
        this.width = s.width();
        this.height = s.height();
        this.piecewise = s.motion() == SimulatedMotion.PIECEWISE;
        boolean moving = s.motion() != SimulatedMotion.NONE && s.maxShift() > 0;
        double rigidAmplitude = piecewise ? 0.7 * s.maxShift() : s.maxShift();
        this.rigidX = moving ? bounded(SmoothNoise.series(n, 1.5 * s.frameRate(), rng), rigidAmplitude) : new double[n];
        this.rigidY = moving ? bounded(SmoothNoise.series(n, 1.5 * s.frameRate(), rng), rigidAmplitude) : new double[n];
        this.localX = new double[n][NODES][NODES];
        this.localY = new double[n][NODES][NODES];
        if (piecewise && moving) {
            double amplitude = 0.3 * s.maxShift();
            for (int r = 0; r < NODES; r++) {
                for (int c = 0; c < NODES; c++) {
                    double[] lx = bounded(SmoothNoise.series(n, 2.0 * s.frameRate(), rng), amplitude);
                    double[] ly = bounded(SmoothNoise.series(n, 2.0 * s.frameRate(), rng), amplitude);
                    for (int t = 0; t < n; t++) {
                        localX[t][r][c] = lx[t];
                        localY[t][r][c] = ly[t];
                    }
                }
            }
        }
    }

    /** Squashes a unit-variance series into (−amplitude, amplitude), mostly within ±0.76·amplitude. */
    private static double[] bounded(double[] x, double amplitude) {
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * StrictMath.tanh(x[i]);
        }
        return x;
    }

    public boolean isPiecewise() {
        return piecewise;
    }

    /** Displacement at pixel (x, y) of frame t into {@code out[0..1]}. */
    public void displacement(double x, double y, int t, double[] out) {
        out[0] = rigidX[t];
        out[1] = rigidY[t];
        if (!piecewise) {
            return;
        }
        double gx = Math.max(0, Math.min(NODES - 1, x / (width - 1) * (NODES - 1)));
        double gy = Math.max(0, Math.min(NODES - 1, y / (height - 1) * (NODES - 1)));
        int c0 = Math.min(NODES - 2, (int) gx);
        int r0 = Math.min(NODES - 2, (int) gy);
        double fx = gx - c0;
        double fy = gy - r0;
        double[][] lx = localX[t];
        double[][] ly = localY[t];
        out[0] += (1 - fy) * ((1 - fx) * lx[r0][c0] + fx * lx[r0][c0 + 1]) + fy * ((1 - fx) * lx[r0 + 1][c0]
                + fx * lx[r0 + 1][c0 + 1]);
        out[1] += (1 - fy) * ((1 - fx) * ly[r0][c0] + fx * ly[r0][c0 + 1]) + fy * ((1 - fx) * ly[r0 + 1][c0]
                + fx * ly[r0 + 1][c0 + 1]);
    }

    /** Mean displacement over all pixels of frame t, exact for the bilinear field: (x, y). */
    public double[] meanDisplacement(int t) {
        double[] wx = nodeWeights(width);
        double[] wy = nodeWeights(height);
        double mx = rigidX[t];
        double my = rigidY[t];
        if (piecewise) {
            for (int r = 0; r < NODES; r++) {
                for (int c = 0; c < NODES; c++) {
                    mx += wy[r] * wx[c] * localX[t][r][c];
                    my += wy[r] * wx[c] * localY[t][r][c];
                }
            }
        }
        return new double[]{mx, my};
    }

    /** Share of each node in the pixel average along one axis of {@code size} pixels. */
    private static double[] nodeWeights(int size) {
        double[] w = new double[NODES];
        for (int p = 0; p < size; p++) {
            double g = (double) p / (size - 1) * (NODES - 1);
            int c0 = Math.min(NODES - 2, (int) g);
            double f = g - c0;
            w[c0] += (1 - f) / size;
            w[c0 + 1] += f / size;
        }
        return w;
    }

    /** Node displacements of frame t: [row][col][x or y]. */
    public double[][][] nodes(int t) {
        double[][][] out = new double[NODES][NODES][2];
        for (int r = 0; r < NODES; r++) {
            for (int c = 0; c < NODES; c++) {
                out[r][c][0] = rigidX[t] + localX[t][r][c];
                out[r][c][1] = rigidY[t] + localY[t][r][c];
            }
        }
        return out;
    }
}
