package org.spikescope.detect;

import org.spikescope.cells.CellModel;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.CopiedBorder;
import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

import java.util.ArrayList;
import java.util.List;

/**
 * More cells from what the known ones leave unexplained, as CNMF-E picks neurons from its residual: a dim cell
 * beside a bright one is not a peak of the movie's summary images (the bright cell's is higher and near), but
 * it is one of the residual's once the bright cell is taken out. Seeded and initialised as the first cells,
 * with the same thresholds, two passes over the movie; seeds on a known cell's core are left out.
 *
 * @param footprints the new cells' first footprints (their cores, as {@link FootprintInitialiser} gives them)
 * @param seeds      how many seeds the residual gave
 */
record ResidualSeeds(List<Footprint> footprints, int seeds) {

    /** A known footprint's core: weights at least this fraction of its peak (footprints peak at 1). */
    static final double CORE = 0.5;

    static ResidualSeeds find(CellMovie movie, CellModel known, SummaryImages summary, DetectionSettings settings,
                              CopiedBorder border, Workers pool, ProgressListener progress) {
        CellMovie residual = known.residualOf(movie);
        SummaryImages images = SummaryImages.ofResidual(residual, known, summary, pool, progress);
        List<int[]> seeds = outsideCores(SeedFinder.find(images, settings, border), known);
        progress.stage("Found " + seeds.size() + " more candidate cells beside the known ones");
        List<Footprint> found = FootprintInitialiser.initialise(residual, seeds, images, settings,
                summary.kinetics(), pool, progress);
        return new ResidualSeeds(found.stream().filter(f -> Curation.area(f) > 0).toList(), seeds.size());
    }

    /**
     * The seeds that lie on no known cell's core (where its footprint is at least {@value #CORE} of its peak): what
     * the residual shows there is the cell's own imperfection (its footprint's error, motion left at its edges),
     * not another cell, while a dim cell beside a bright one peaks outside the bright one's core. On the pipeline
     * benchmark's motion-corrected movie (512×512, 1,500 frames, 300 cells) 10 components found in the residual were
     * such copies, 1.5–6 px from a true cell's centre; none is left (F1 0.976 → 0.992). The price: a dim cell whose
     * centre lies on a brighter neighbour's core is not looked for again (one of the low-SNR simulation's 20).
     */
    static List<int[]> outsideCores(List<int[]> seeds, CellModel known) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : seeds) {
            boolean onCore = false;
            for (Footprint f : known.footprints()) {
                int x = s[0] - f.x0();
                int y = s[1] - f.y0();
                if (x >= 0 && y >= 0 && x < f.w() && y < f.h() && f.weights()[y * f.w() + x] >= CORE) {
                    onCore = true;
                    break;
                }
            }
            if (!onCore) {
                out.add(s);
            }
        }
        return out;
    }
}
