package org.spikescope.io;

import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;

import java.util.ArrayList;
import java.util.List;

/** Footprints as the dense cells × height × width arrays that results.h5 stores, and back. */
public final class FootprintArrays {

    private FootprintArrays() {
    }

    public static float[][][] dense(List<Footprint> footprints, int width, int height) {
        float[][][] out = new float[footprints.size()][height][width];
        for (int c = 0; c < footprints.size(); c++) {
            Footprint f = footprints.get(c);
            for (int y = 0; y < f.h(); y++) {
                System.arraycopy(f.weights(), y * f.w(), out[c][f.y0() + y], f.x0(), f.w());
            }
        }
        return out;
    }

    /** Each plane cropped to the box of its non-zero weights; {@code where} names the source in messages. */
    public static List<Footprint> sparse(float[][][] planes, String where) {
        List<Footprint> out = new ArrayList<>();
        for (int c = 0; c < planes.length; c++) {
            float[][] p = planes[c];
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            for (int y = 0; y < p.length; y++) {
                for (int x = 0; x < p[y].length; x++) {
                    float v = p[y][x];
                    if (!Float.isFinite(v) || v < 0) {
                        throw new InputException(where + ": footprint " + (c + 1) + " has the weight " + v + " at ("
                                + x + ", " + y + "); expected finite weights ≥ 0");
                    }
                    if (v > 0) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (x1 < 0) {
                throw new InputException(where + ": footprint " + (c + 1) + " is empty (all weights zero)");
            }
            int w = x1 - x0 + 1;
            float[] weights = new float[w * (y1 - y0 + 1)];
            for (int y = y0; y <= y1; y++) {
                System.arraycopy(p[y], x0, weights, (y - y0) * w, w);
            }
            out.add(new Footprint(x0, y0, w, y1 - y0 + 1, weights));
        }
        return out;
    }
}
