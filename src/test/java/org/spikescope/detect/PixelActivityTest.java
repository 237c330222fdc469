package org.spikescope.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pixel's activity is what changes at the indicator's time scale: a steady pixel reads zero whatever its level,
 * a step reads as activity within a few smoothing constants and fades as the drift takes it up over a few decay
 * times (decay 20 frames here: smoothing weight 1/3, drift rate 1/20).
 */
class PixelActivityTest {

    private static final Kinetics KINETICS = new Kinetics(20, false);

    @Test
    void aSteadyPixelIsInactive() {
        PixelActivity a = new PixelActivity(new float[]{50}, KINETICS);
        for (int t = 0; t < 200; t++) {
            a.update(new float[]{50});
        }
        assertEquals(0, a.values()[0], 1e-6);
    }

    @Test
    void aStepRisesThenFadesIntoTheDrift() {
        PixelActivity a = new PixelActivity(new float[]{0}, KINETICS);
        float peak = 0;
        int peakAt = -1;
        for (int t = 0; t < 200; t++) {
            a.update(new float[]{1});
            if (a.values()[0] > peak) {
                peak = a.values()[0];
                peakAt = t;
            }
        }
        assertTrue(peak > 0.7, "peak " + peak);
        assertTrue(peakAt < 10, "peak at frame " + peakAt);
        assertTrue(a.values()[0] < 0.01, "after 10 decay times " + a.values()[0]);
    }
}
