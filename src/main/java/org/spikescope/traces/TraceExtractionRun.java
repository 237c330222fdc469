package org.spikescope.traces;

import org.spikescope.cells.BackgroundPatterns;
import org.spikescope.cells.CellModel;
import org.spikescope.cells.CellMovie;
import org.spikescope.cells.CellTraces;
import org.spikescope.cells.DeltaF;
import org.spikescope.cells.TraceExtractor;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Traces of known footprints (from an earlier detection, or ROIs drawn in Fiji) in a movie, into a folder with
 * the files of {@link TraceOutputs}. The first pass measures the cells; then the fluctuating background patterns
 * are found in what they leave (two passes), and a last pass measures the cells again with the background
 * estimated from the movie less the cells just measured and less those patterns.
 *
 * @param folder the folder written, or null for a run in memory
 */
public record TraceExtractionRun(CellTraces traces, double[][] dff, Path folder) {

    /** Background fluctuations are taken to be slower than this (as detection's drifts). */
    static final double SLOW_SECONDS = 0.5;

    /** @param excluded frames to leave out (corrupted or damaged): their trace values are interpolated */
    public static TraceExtractionRun toFolder(FrameSource movie, List<Footprint> footprints, TraceSettings settings,
                                              java.util.Set<Integer> excluded, OutputTarget output, ProgressListener progress)
            throws IOException {
        checkFits(movie, footprints, settings);
        try (OutputFolder folder = OutputFolder.bundle(output, "traces")) {
            TraceExtractionRun run = inMemory(movie, footprints, settings, excluded, progress);
            progress.stage("Writing results");
            TraceOutputs.writeFiles(folder.dir(), footprints, run.traces(), run.dff(), movie.times());
            TraceOutputs.addTo(new ResultsH5(), footprints, run.traces(), run.dff(), movie.width(), movie.height(),
                            movie.times())
                    .attribute("/traces", "input", movie.description())
                    .attribute("/traces", "cell_radius", settings.cellRadius())
                    .attribute("/traces", "baseline_percentile", settings.baselinePercentile())
                    .attribute("/traces", "baseline_seconds", settings.baselineSeconds())
                    .attribute("/traces", "excluded_frame_count", excluded.size())
                    .write(folder.dir().resolve(TraceOutputs.RESULTS_H5));
            folder.commit();
            return new TraceExtractionRun(run.traces(), run.dff(), folder.target());
        }
    }

    /** The traces in memory, nothing written ({@code folder} null). */
    public static TraceExtractionRun inMemory(FrameSource movie, List<Footprint> footprints, TraceSettings settings,
                                              java.util.Set<Integer> excluded, ProgressListener progress) {
        checkFits(movie, footprints, settings);
        CellTraces traces;
        try (Workers pool = new Workers()) {
            CellMovie cells = CellMovie.of(movie, settings.cellRadius(), excluded);
            CellTraces first = TraceExtractor.extract(cells, footprints, null, false, pool, progress);
            CellModel known = new CellModel(footprints, first.raw());
            known = known.withPatterns(BackgroundPatterns.estimate(cells, known, settings.backgroundPatterns(),
                    (int) Math.round(SLOW_SECONDS * movie.times().frameRate()), pool, progress));
            traces = TraceExtractor.extract(cells, footprints, known, true, pool, progress);
        }
        double[][] dff = DeltaF.compute(traces, settings.baselinePercentile(),
                settings.baselineFrames(movie.times().frameRate()));
        return new TraceExtractionRun(traces, dff, null);
    }

    private static void checkFits(FrameSource movie, List<Footprint> footprints, TraceSettings settings) {
        settings.validate();
        if (footprints.isEmpty()) {
            throw new InputException("parameter 'footprints': no cells to measure");
        }
        for (Footprint f : footprints) {
            if (f.x0() + f.w() > movie.width() || f.y0() + f.h() > movie.height()) {
                throw new InputException("parameter 'footprints': a footprint reaches (" + (f.x0() + f.w()) + ", "
                        + (f.y0() + f.h()) + "), outside the " + movie.width() + "x" + movie.height() + " movie");
            }
        }
    }
}
