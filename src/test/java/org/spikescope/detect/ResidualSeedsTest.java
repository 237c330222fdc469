package org.spikescope.detect;

import org.junit.jupiter.api.Test;
import org.spikescope.cells.CellModel;
import org.spikescope.core.Footprint;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResidualSeedsTest {

    /**
     * A Gaussian cell of σ 3 px: seeds within about 3.5 px of its centre (weight ≥ 0.5) lie on its core and are left
     * out; a neighbour's seed 5 px away, where the weight is 0.25, is kept, as is one outside its window.
     */
    @Test
    void seedsOnAKnownCellsCoreAreLeftOut() {
        int size = 25;
        float[] weights = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d2 = (x - 12) * (x - 12) + (y - 12) * (y - 12);
                weights[y * size + x] = (float) Math.exp(-d2 / (2 * 9.0));
            }
        }
        CellModel known = new CellModel(List.of(new Footprint(38, 38, size, size, weights)), new double[1][3]);
        List<int[]> seeds = List.of(new int[]{50, 50}, new int[]{53, 51}, new int[]{55, 50}, new int[]{90, 10});
        List<int[]> kept = ResidualSeeds.outsideCores(seeds, known);
        assertEquals(2, kept.size());
        assertEquals(55, kept.get(0)[0]);
        assertEquals(90, kept.get(1)[0]);
    }
}
