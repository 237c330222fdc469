package org.spikescope.testing;

import org.spikescope.core.Footprint;
import org.spikescope.register.Session;
import org.spikescope.register.SessionTransform;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulationSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sessions of one field of view with known identities: a pool of the simulator's cells, each session holding each
 * with probability {@code presence} (the others silent that day, so cells come and go), its footprints a little
 * changed (stretched by up to ±10 % per axis, weights jittered by 10 %, moved by up to half a pixel), and the whole
 * session rotated about its centre by up to {@code maxRotation} degrees and shifted by up to {@code maxShift} px
 * (the first session not: it is the reference's frame). Cells moved out of the image are left out. {@code moves}
 * holds where each session put the first session's points; {@code bend} adds to every session but the first a
 * smooth displacement of up to that many pixels (a quadratic bowing of the field), as a nonrigid change would.
 */
public record MultiSessionScenes(List<Session> sessions, List<int[]> identities, List<SessionTransform> moves) {

    public static MultiSessionScenes make(int width, int height, int poolCells, double cellRadius, int sessions,
                                          double presence, double maxShift, double maxRotation, long seed) {
        return make(width, height, poolCells, cellRadius, sessions, presence, maxShift, maxRotation, 0, seed);
    }

    public static MultiSessionScenes make(int width, int height, int poolCells, double cellRadius, int sessions,
                                          double presence, double maxShift, double maxRotation, double bend,
                                          long seed) {
        SimulationSettings s = SimulationSettings.builder().width(width).height(height).cells(poolCells)
                .cellRadius(cellRadius).frames(10).seed(seed).build();
        List<Footprint> pool = new MovieSimulator(s, List.of()).groundTruth().footprints();
        SplittableRandom rng = new SplittableRandom(seed * 7919 + 1);
        List<Session> out = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<SessionTransform> moves = new ArrayList<>();
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int k = 0; k < sessions; k++) {
            SessionTransform t = k == 0 ? SessionTransform.identity(cx, cy)
                    : new SessionTransform(uniform(rng, maxShift), uniform(rng, maxShift),
                    uniform(rng, maxRotation), cx, cy, null);
            if (k > 0 && bend > 0) {
                // x bows with y² and y with x², by up to `bend` px at the image's edges
                double[] field = new double[12];
                field[5] = uniform(rng, bend);
                field[6 + 3] = uniform(rng, bend);
                t = t.withWarp(field);
            }
            moves.add(t);
            List<Footprint> cells = new ArrayList<>();
            List<Integer> identity = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                if (rng.nextDouble() >= presence) {
                    continue;
                }
                Footprint f = changed(pool.get(i), t, rng, width, height);
                if (f != null) {
                    cells.add(f);
                    identity.add(i);
                }
            }
            List<String> names = new ArrayList<>();
            for (int i : identity) {
                names.add("pool_" + i);
            }
            out.add(new Session("simulated session " + (k + 1), width, height, names, cells));
            ids.add(identity.stream().mapToInt(Integer::intValue).toArray());
        }
        return new MultiSessionScenes(out, ids, moves);
    }

    private static double uniform(SplittableRandom rng, double max) {
        return (2 * rng.nextDouble() - 1) * max;
    }

    /** The footprint a little changed, then moved by the session's transform; null if it leaves the image. */
    private static Footprint changed(Footprint f, SessionTransform t, SplittableRandom rng, int width, int height) {
        double[] c = f.centre();
        double sx = 1 + uniform(rng, 0.1);
        double sy = 1 + uniform(rng, 0.1);
        double jx = uniform(rng, 0.5);
        double jy = uniform(rng, 0.5);
        double[] centre = t.apply(c[0] + jx, c[1] + jy);
        int reach = (int) Math.ceil(Math.max(f.w(), f.h()) * 0.75) + 2;
        int x0 = (int) Math.floor(centre[0]) - reach;
        int y0 = (int) Math.floor(centre[1]) - reach;
        int size = 2 * reach + 1;
        if (x0 < 0 || y0 < 0 || x0 + size > width || y0 + size > height) {
            return null;
        }
        float[] w = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // back to the pool cell's own frame: undo the session's move, the jitter and the stretch
                double[] p = t.invert(x0 + x, y0 + y);
                double ux = c[0] + (p[0] - jx - c[0]) / sx;
                double uy = c[1] + (p[1] - jy - c[1]) / sy;
                double v = bilinear(f, ux, uy);
                w[y * size + x] = v > 0 ? (float) Math.max(0, v * (1 + 0.1 * rng.nextGaussian())) : 0;
            }
        }
        Footprint out = new Footprint(x0, y0, size, size, w).trimmed();
        return out.w() > 0 ? out : null;
    }

    private static double bilinear(Footprint f, double x, double y) {
        double lx = x - f.x0();
        double ly = y - f.y0();
        int ix = (int) Math.floor(lx);
        int iy = (int) Math.floor(ly);
        double fx = lx - ix;
        double fy = ly - iy;
        return (1 - fy) * ((1 - fx) * at(f, ix, iy) + fx * at(f, ix + 1, iy))
                + fy * ((1 - fx) * at(f, ix, iy + 1) + fx * at(f, ix + 1, iy + 1));
    }

    private static double at(Footprint f, int x, int y) {
        return x < 0 || y < 0 || x >= f.w() || y >= f.h() ? 0 : f.weights()[y * f.w() + x];
    }

    /** Every pair of cells of two sessions that are one pool cell: "a:i-b:j" with a < b, cells 0-based. */
    public Set<String> truePairs() {
        Set<String> out = new HashSet<>();
        for (int a = 0; a < identities.size(); a++) {
            for (int b = a + 1; b < identities.size(); b++) {
                int[] ia = identities.get(a);
                int[] ib = identities.get(b);
                for (int i = 0; i < ia.length; i++) {
                    for (int j = 0; j < ib.length; j++) {
                        if (ia[i] == ib[j]) {
                            out.add(a + ":" + i + "-" + b + ":" + j);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The pairs a registration claims: every two cells of one registered cell. */
    public static Set<String> registeredPairs(List<int[]> cells) {
        Set<String> out = new HashSet<>();
        for (int[] c : cells) {
            for (int a = 0; a < c.length; a++) {
                for (int b = a + 1; b < c.length; b++) {
                    if (c[a] >= 0 && c[b] >= 0) {
                        out.add(a + ":" + c[a] + "-" + b + ":" + c[b]);
                    }
                }
            }
        }
        return out;
    }
}
