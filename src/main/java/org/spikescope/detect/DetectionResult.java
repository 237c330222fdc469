package org.spikescope.detect;

import org.spikescope.core.Footprint;
import org.spikescope.core.FrameTimes;
import org.spikescope.cells.CellTraces;

import java.util.List;

/**
 * What detection found.
 *
 * @param seeds      candidate pixels the search started from
 * @param footprints one per cell, peak 1
 * @param traces     raw fluorescence (background removed) and the background under each cell
 * @param dff        ΔF/F, {@code [cell][frame]}
 * @param times      the movie's frame times
 * @param spatialCorrelation each footprint's correlation with the image its activity explains (NaN if not refined)
 */
public record DetectionResult(SummaryImages summary, int seeds, List<Footprint> footprints, CellTraces traces,
                              double[][] dff, FrameTimes times, double[] spatialCorrelation) {
}
