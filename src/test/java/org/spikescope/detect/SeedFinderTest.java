package org.spikescope.detect;

import org.junit.jupiter.api.Test;
import org.spikescope.core.CopiedBorder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedFinderTest {

    /** Two equally strong candidates, one 1 px from the left edge: only the inner one is a seed once a band is copied. */
    @Test
    void noSeedIsTakenWhereMotionCorrectionCopiedTheEdge() {
        int w = 40;
        int h = 30;
        float[] correlation = new float[w * h];
        float[] pnr = new float[w * h];
        for (int[] p : new int[][]{{1, 15}, {20, 15}}) {
            correlation[p[1] * w + p[0]] = 0.95f;
            pnr[p[1] * w + p[0]] = 20;
        }
        SummaryImages images = new SummaryImages(w, h, 100, null, null, correlation, pnr, null, null, null);
        DetectionSettings settings = DetectionSettings.defaults();
        assertEquals(2, SeedFinder.find(images, settings, CopiedBorder.NONE).size());
        List<int[]> seeds = SeedFinder.find(images, settings, new CopiedBorder(2, 0, 0, 0));
        assertEquals(1, seeds.size());
        assertArrayEquals(new int[]{20, 15}, seeds.get(0));
        assertEquals(0, SeedFinder.find(images, settings, new CopiedBorder(0, 0, 0, 16)).size(), "bottom band");
    }
}
