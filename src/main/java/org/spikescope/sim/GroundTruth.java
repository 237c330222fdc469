package org.spikescope.sim;

import org.spikescope.core.Footprint;
import java.util.List;

/**
 * What a simulated recording really contains. The movie is, up to noise, motion and corruption,
 * offset + Σ_i footprint_i · (resting_i + amplitude_i · calcium_i(t)) + background, in camera counts.
 *
 * @param footprints     cell shapes with vessel shading applied, peak ≈ 1
 * @param amplitude      counts per unit calcium at footprint weight 1 (one isolated spike peaks at 1)
 * @param resting        resting fluorescence at footprint weight 1, counts
 * @param riseSeconds    rise time constant of each cell
 * @param decaySeconds   decay time constant of each cell
 * @param spikes         spike counts per true frame, cells × frames
 * @param calcium        calcium per true frame, cells × frames
 * @param trueTimes      time of every true frame, seconds
 * @param storedToTrue   for every frame in the movie file, the true frame it shows (dropped frames are absent)
 * @param corrupted      movie frames (stored indices) damaged on purpose
 * @param motion         the displacement field over time
 */
public record GroundTruth(SimulationSettings settings, List<Footprint> footprints, double[] amplitude,
                          double[] resting, double[] riseSeconds, double[] decaySeconds, int[][] spikes,
                          float[][] calcium, double[] trueTimes, int[] storedToTrue, List<Integer> corrupted,
                          MotionPath motion) {
}
