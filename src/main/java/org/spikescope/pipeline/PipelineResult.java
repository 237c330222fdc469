package org.spikescope.pipeline;

import java.nio.file.Path;

/**
 * What a pipeline run made.
 *
 * @param bundle      the results folder
 * @param spikeFrames frames in which a cell spiked, summed over cells (deconvolved spikes are amplitudes in ΔF/F,
 *                    not counts)
 * @param timings     per-stage wall times, for the summary line
 */
public record PipelineResult(Path bundle, int frames, int cells, long spikeFrames, String timings) {
}
