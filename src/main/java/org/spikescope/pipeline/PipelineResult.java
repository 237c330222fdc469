package org.spikescope.pipeline;

import java.nio.file.Path;

/**
 * What a pipeline run made.
 *
 * @param bundle      the results folder
 * @param spikes      spikes of all cells, estimated from the deconvolved amplitudes ({@link CellSummary})
 * @param timings     per-stage wall times, for the summary line
 */
public record PipelineResult(Path bundle, int frames, int cells, long spikes, String timings) {
}
