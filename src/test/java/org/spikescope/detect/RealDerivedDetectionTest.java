package org.spikescope.detect;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.spikescope.core.ProgressListener;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.MemoryMovie;
import org.spikescope.testing.RealDerivedMovies;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection on movies rebuilt from real extractions ({@link RealDerivedMovies}): real footprints, real calcium, a
 * miniscope's glow and noise, `cellRadius` the real cells' median radius. These are floors under what detection
 * does today, not issue 25's goals (0.85): the cells that show clearly (peak SNR ≥ 13 frame by frame) are found and
 * what is found lies on real cells. Measured: MIN1PIPE F1 0.658 (26 of 29 found right, all 29 on a real cell,
 * bright cells 19 of 20), CellReg session 1 F1 0.808 (428 of 462, all on a real cell, bright cells 181 of 184).
 */
class RealDerivedDetectionTest {

    private static final double BRIGHT = 13;

    @Test
    void min1pipesCells() throws Exception {
        Assumptions.assumeTrue(RealDerivedMovies.available(), "the shared real extractions are absent");
        check(RealDerivedMovies.min1pipe(), 0.63);
    }

    @Test
    void aDenseFieldOfCellRegsCells() throws Exception {
        Assumptions.assumeTrue(RealDerivedMovies.available(), "the shared real extractions are absent");
        check(RealDerivedMovies.cellreg(1, 2000), 0.78);
    }

    private static void check(RealDerivedMovies.Scene scene, double minF1) throws Exception {
        DetectionSettings settings = DetectionSettings.defaults().withCellRadius(scene.medianRadius());
        DetectionResult r;
        try (MemoryMovie movie = new MemoryMovie(scene.movie(1))) {
            r = NeuronDetector.detect(movie, settings, Set.of(), ProgressListener.NONE);
        }
        List<int[]> pairs = FootprintMatching.match(scene.cells(), r.footprints(), scene.width(), scene.height());
        int[] bright = scene.foundBetween(pairs, BRIGHT, Double.POSITIVE_INFINITY);
        double f1 = 2.0 * pairs.size() / (scene.cells().size() + r.footprints().size());
        int onCells = scene.onCells(r.footprints());
        String score = String.format(Locale.ROOT,
                "%s: F1 %.3f, %d of %d found right, %d on a real cell, bright cells %d of %d", scene.name(), f1,
                pairs.size(), r.footprints().size(), onCells, bright[0], bright[1]);
        System.out.println(score);
        assertTrue(f1 >= minF1, score);
        assertTrue(onCells >= 0.95 * r.footprints().size(), score);
        assertTrue(bright[0] >= 0.9 * bright[1], score);
    }
}
