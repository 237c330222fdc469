package org.spikescope.detect;

import org.spikescope.cells.CellModel;
import org.spikescope.cells.CellMovie;
import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

import java.util.List;

/**
 * More cells from what the known ones leave unexplained, as CNMF-E picks neurons from its residual: a dim cell
 * beside a bright one is not a peak of the movie's summary images (the bright cell's is higher and near), but
 * it is one of the residual's once the bright cell is taken out. Seeded and initialised as the first cells,
 * with the same thresholds, two passes over the movie.
 *
 * @param footprints the new cells' first footprints (their cores, as {@link FootprintInitialiser} gives them)
 * @param seeds      how many seeds the residual gave
 */
record ResidualSeeds(List<Footprint> footprints, int seeds) {

    static ResidualSeeds find(CellMovie movie, CellModel known, SummaryImages summary, DetectionSettings settings,
                              Workers pool, ProgressListener progress) {
        CellMovie residual = known.residualOf(movie);
        SummaryImages images = SummaryImages.ofResidual(residual, known, summary, pool, progress);
        List<int[]> seeds = SeedFinder.find(images, settings);
        progress.stage("Found " + seeds.size() + " more candidate cells beside the known ones");
        List<Footprint> found = FootprintInitialiser.initialise(residual, seeds, images, settings,
                summary.kinetics(), pool, progress);
        return new ResidualSeeds(found.stream().filter(f -> Curation.area(f) > 0).toList(), seeds.size());
    }
}
