package org.spikescope.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FootprintTest {

    /** Trimming keeps every weight at its image position and leaves no empty row or column at the box's edges. */
    @Test
    void trimmedKeepsWeightsInTheSmallestBox() {
        float[] weights = new float[6 * 5];
        weights[1 * 6 + 2] = 0.5f;
        weights[3 * 6 + 4] = 1f;
        weights[2 * 6 + 3] = 0.25f;
        Footprint f = new Footprint(10, 20, 6, 5, weights);
        Footprint t = f.trimmed();
        assertArrayEquals(new int[]{12, 21, 3, 3}, new int[]{t.x0(), t.y0(), t.w(), t.h()});
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                int ix = f.x0() + x - t.x0();
                int iy = f.y0() + y - t.y0();
                boolean inside = ix >= 0 && ix < t.w() && iy >= 0 && iy < t.h();
                float kept = inside ? t.weights()[iy * t.w() + ix] : 0;
                assertEquals(weights[y * f.w() + x], kept, "pixel " + x + "," + y);
            }
        }
        assertSame(t, t.trimmed());
        Footprint empty = new Footprint(3, 4, 2, 2, new float[4]).trimmed();
        assertEquals(0, empty.weights().length);
    }
}
