package org.spikescope.detect;

import org.spikescope.core.CopiedBorder;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TraceTables;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.traces.TraceOutputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;

/**
 * Neuron detection of a movie into a folder: {@value TraceOutputs#TRACES_CSV}, {@value TraceOutputs#RAW_CSV},
 * {@value TraceOutputs#ROI_SET}, {@value #SUMMARY_PNG} (outlines on the correlation image) and results.h5 with the
 * footprints, traces and summary images. Corrupted and damaged frames are left out of every estimate and their
 * trace values interpolated. Files are written only after detection has finished, each atomically,
 * so a failed or cancelled run leaves earlier results intact.
 */
public record DetectionRun(DetectionResult result, Path folder) {

    public static final String SUMMARY_PNG = "summary.png";

    /**
     * @param detectCorrupted whether frames flagged corrupted are left out (damaged frames always are)
     * @param border          bands along the edges where no cell is seeded (what motion correction filled)
     */
    public static DetectionRun toFolder(FrameSource movie, DetectionSettings settings, boolean detectCorrupted,
                                        CopiedBorder border, OutputTarget output, ProgressListener progress)
            throws IOException {
        settings.validate();
        try (OutputFolder folder = OutputFolder.bundle(output, "detection")) {
            ResultsH5 h5 = new ResultsH5();
            DetectionRun run = into(movie, settings, CorruptedFrameDetector.unusable(movie, detectCorrupted,
                    progress), border, folder.dir(), h5, progress);
            h5.write(folder.dir().resolve(TraceOutputs.RESULTS_H5));
            folder.commit();
            return new DetectionRun(run.result(), folder.target());
        }
    }

    /**
     * Detects, writes the CSV, ROI and PNG files into {@code folder} and adds the datasets to {@code h5} (written by
     * the caller).
     *
     * @param excluded frames left out of every estimate (corrupted or damaged)
     * @param border   the bands motion correction filled with edge copies (no cell is seeded there)
     */
    public static DetectionRun into(FrameSource movie, DetectionSettings settings, SortedSet<Integer> excluded,
                                    CopiedBorder border, Path folder, ResultsH5 h5, ProgressListener progress)
            throws IOException {
        settings.validate();
        DetectionResult r = NeuronDetector.detect(movie, settings, excluded, border, progress);
        progress.stage("Writing results");
        Files.createDirectories(folder);
        int w = movie.width();
        int h = movie.height();
        TraceOutputs.writeFiles(folder, r.footprints(), r.traces(), r.dff(), movie.times());
        SummaryImages s = r.summary();
        ImageJFormats.get().writeOutlinesPng(s.correlation(), w, h, r.footprints(),
                TraceTables.cellNames(r.footprints().size()), folder.resolve(SUMMARY_PNG));
        TraceOutputs.addTo(h5, r.footprints(), r.traces(), r.dff(), w, h, movie.times())
                .dataset("/summary/mean", plane(s.mean(), w, h))
                .dataset("/summary/max", plane(s.max(), w, h))
                .dataset("/summary/correlation", plane(s.correlation(), w, h))
                .dataset("/summary/pnr", plane(s.pnr(), w, h))
                .attribute("/detection", "input", movie.description())
                .attribute("/detection", "seeds", r.seeds())
                .attribute("/detection", "cells", r.footprints().size())
                .attribute("/detection", "cell_radius", settings.cellRadius())
                .attribute("/detection", "min_correlation", settings.minCorrelation())
                .attribute("/detection", "min_pnr", settings.minPnr())
                .attribute("/detection", "merge_correlation", settings.mergeCorrelation())
                .attribute("/detection", "min_trace_snr", settings.minTraceSnr())
                .attribute("/detection", "iterations", settings.iterations())
                .attribute("/detection", "baseline_percentile", settings.baselinePercentile())
                .attribute("/detection", "baseline_seconds", settings.baselineSeconds())
                .attribute("/detection", "background_patterns", settings.backgroundPatterns())
                .attribute("/detection", "min_spatial_correlation", settings.minSpatialCorrelation())
                .attribute("/detection", "decay_time", settings.decayTime())
                .attribute("/detection", "indicator", settings.indicator().label())
                .attribute("/detection", "decay_time_used_s", s.kinetics().decayFrames() / movie.times().frameRate())
                .attribute("/detection", "decay_time_estimated", s.kinetics().estimated() ? 1 : 0)
                .attribute("/detection", "excluded_frame_count", excluded.size())
                .attribute("/detection", "seedless_border_px", new int[]{border.left(), border.top(), border.right(),
                        border.bottom()});
        if (!r.footprints().isEmpty()) {
            h5.dataset("/detection/spatial_correlation", r.spatialCorrelation());
        }
        if (!excluded.isEmpty()) {
            // jHDF cannot store an empty array
            h5.dataset("/detection/excluded_frames", excluded.stream().mapToInt(Integer::intValue).toArray());
        }
        return new DetectionRun(r, folder);
    }

    static float[][] plane(float[] image, int w, int h) {
        float[][] out = new float[h][w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image, y * w, out[y], 0, w);
        }
        return out;
    }
}
