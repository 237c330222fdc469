package org.spikescope.pipeline;

import org.spikescope.core.CopiedBorder;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Retimed;
import org.spikescope.core.TraceSet;
import org.spikescope.detect.DetectionRun;
import org.spikescope.export.OutlineImage;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.motion.CorrectedFormat;
import org.spikescope.motion.MotionCorrectionRun;
import org.spikescope.motion.MotionOutputs;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.traces.TraceOutputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * Movie → motion correction → detection and traces → spikes, into one results bundle written atomically:
 * everything goes into a staging folder that replaces the output folder only when every stage has finished, so a
 * failed or cancelled run leaves earlier results intact. The bundle: results.h5 (all datasets), motion_corrected.tif,
 * shifts.csv, traces.csv, traces_raw.csv, spikes.csv (with spikes_calcium.csv and spikes_parameters.csv, or with
 * spikes_events.csv and spikes_parameters.csv when {@code spikes.method} is learned),
 * cells.csv ({@link CellSummary}), RoiSet.zip, summary.png (outlines coloured by spike rate on the correlation
 * image), settings.json (re-runnable) and log.txt (time and memory per stage). A run killed or failed after motion
 * correction resumes from there ({@link MotionCheckpoint}).
 */
public final class Pipeline {

    /** The kind of results folder the pipeline writes (see {@link OutputFolder}). */
    public static final String KIND = "pipeline";
    public static final String SETTINGS_JSON = "settings.json";
    public static final String LOG_TXT = "log.txt";
    public static final String SPIKES_CSV = "spikes.csv";

    /** What detection needs from motion correction: its largest shift (logged) and the edge copies it made. */
    private record MotionOutcome(double largestShift, CopiedBorder border) {
    }
    static final List<String> STAGES = List.of("motion", "detection", "spikes");

    private Pipeline() {
    }

    public static PipelineResult run(FrameSource movie, PipelineSettings settings, OutputTarget output,
                                     ProgressListener progress) throws IOException {
        return run(movie, settings, output, null, null, progress);
    }

    /**
     * @param curation   a user's decisions on an earlier extraction of this recording (a bundle's curation.csv),
     *                   carried over to this run's cells by their outlines' overlap; null = the output bundle's own
     *                   curation.csv, if it holds one
     * @param classifier a cell classifier (Train Cell Classifier) whose rejections apply to the cells the user has not
     *                   decided on; null = none
     */
    public static PipelineResult run(FrameSource movie, PipelineSettings settings, OutputTarget output, Path curation,
                                     Path classifier, ProgressListener progress) throws IOException {
        settings.validate();
        CellClassifier cellClassifier = classifier == null ? null : CellClassifier.load(classifier);
        // read whole before anything is written: the decisions and their cells may be this folder's own
        Path decisionsFile = curation != null ? curation
                : java.nio.file.Files.isRegularFile(output.path().resolve(CurationDecisions.FILE))
                ? output.path().resolve(CurationDecisions.FILE) : null;
        CurationCarryOver.Prior prior = decisionsFile == null ? null : CurationCarryOver.read(decisionsFile);
        CurationCarryOver.Carried carried = null;
        PipelineResult result;
        StageLog log = new StageLog();
        log.note("SpikeScope " + org.spikescope.core.Version.get() + " pipeline on " + movie.description());
        log.note(String.format(Locale.ROOT, "%d frames, %dx%d px, %.3f Hz", movie.frameCount(), movie.width(),
                movie.height(), movie.times().frameRate()));
        boolean ownDecisions = prior != null && prior.file().toAbsolutePath().normalize().equals(
                output.path().resolve(CurationDecisions.FILE).toAbsolutePath().normalize());
        try (OutputFolder bundle = OutputFolder.bundle(output, KIND, ownDecisions ? java.util.Set.of(
                CurationDecisions.FILE) : java.util.Set.of())) {
            Path dir = bundle.dir();
            Path h5File = dir.resolve(TraceOutputs.RESULTS_H5);
            MotionCheckpoint checkpoint = MotionCheckpoint.of(bundle.target(), output.inputs(), movie, settings);
            MotionCheckpoint.Restored earlier = checkpoint.restore(dir);
            ResultsH5 h5 = earlier != null ? earlier.results() : new ResultsH5();
            SortedSet<Integer> excluded = earlier != null ? earlier.excluded()
                    : CorruptedFrameDetector.unusable(movie, settings.detectCorrupted(), progress);
            log.note(excluded.size() + " frames left out (corrupted or damaged): " + excluded);
            MotionOutcome motion = log.stage("motion", () -> {
                if (earlier != null) {
                    progress.stage("Motion corrected by an earlier run of this recording and settings: resumed");
                    return new MotionOutcome(earlier.largestShift(), earlier.border());
                }
                MotionCorrectionRun run = MotionCorrectionRun.into(movie, settings.motion(), dir, CorrectedFormat.TIFF,
                        excluded, h5, progress, h5File);
                double largestShift = run.result().largestShift();
                CopiedBorder border = run.result().copiedBorder();
                String notKept = checkpoint.save(dir, h5, excluded, largestShift, border);
                if (notKept != null) {
                    log.note("motion: no resume point kept (" + notKept + ")");
                }
                if (!run.result().searchWarning().isEmpty()) {
                    log.note("motion: " + run.result().searchWarning());
                }
                return new MotionOutcome(largestShift, border);
            });
            if (earlier != null) {
                log.note("motion: resumed from an earlier run killed or failed after motion correction (same input "
                        + "files, sizes, time stamps and settings)");
            }
            CopiedBorder border = motion.border();
            log.note(String.format(Locale.ROOT, "motion: largest shift %.2f px; edge copies fill %s, where no cell "
                    + "is seeded", motion.largestShift(), border.describe()));
            DetectionRun detection;
            try (FrameSource corrected = new Retimed(TiffStackReader.open(dir.resolve(MotionOutputs.CORRECTED_TIFF),
                    movie.times().frameRate()), movie.times(), movie.gaps())) {
                detection = log.stage("detection", () -> DetectionRun.into(corrected, settings.detection(), excluded,
                        border, dir, h5, progress));
            }
            int cells = detection.result().footprints().size();
            log.note("detection: " + cells + " cells from " + detection.result().seeds() + " candidates");
            TraceSet dff = TraceOutputs.table(detection.result().dff(), movie.times());
            double rate = movie.times().frameRate();
            SpikeStage spikes = log.stage("spikes", () -> cells == 0 ? null
                    : SpikeStage.run(dff, rate, settings.spikes(), dir.resolve(SPIKES_CSV), progress));
            double total = spikes == null ? 0 : spikes.total();
            if (cells > 0) {
                spikes.notes().forEach(log::note);
                double seconds = movie.frameCount() / rate;
                double[] rates = CellSummary.spikeRates(spikes.spikes(), seconds);
                List<Footprint> footprints = detection.result().footprints();
                CellSummary.table(footprints, spikes.snr(), rates).write(dir.resolve(TraceOutputs.CELLS_CSV));
                // the summary image again, each outline coloured by its cell's spike rate
                OutlineImage.writePng(OutlineImage.renderByValue(detection.result().summary().correlation(),
                        movie.width(), movie.height(), footprints, dff.names(), rates, "Hz"),
                        dir.resolve(DetectionRun.SUMMARY_PNG));
                h5.dataset("/spikes", spikes.counts()).attribute("/spikes", "layout", spikes.layout())
                        .attribute("/spikes", "method", settings.spikes().method().label());
            } else {
                log.note("warning: no cells found; no spikes.csv written");
            }
            log.note(String.format(Locale.ROOT, "spikes: about %.0f in %d cells", total, cells));
            carried = prior == null || cells == 0 ? null
                    : CurationCarryOver.carry(prior, detection.result().footprints());
            if (carried != null) {
                log.note(String.format(Locale.ROOT, "curation: %d of %d decisions in %s carried to this run's cells "
                                + "by their outlines", carried.decisions().byCell().size(),
                        prior.decisions().byCell().size(), prior.file()));
                carried.unplaced().forEach(u -> log.note("curation: not placed: " + u));
            }
            // a curation's copy of the extraction it was made on no longer describes this folder
            bundle.removeAtCommit(CurationRun.ORIGINAL);
            progress.stage("Writing the results bundle");
            h5.attribute("/", "settings", org.spikescope.io.Json.MAPPER.writeValueAsString(settings))
                    .write(h5File);
            settings.save(dir.resolve(SETTINGS_JSON));
            log.write(dir.resolve(LOG_TXT));
            bundle.commit();
            checkpoint.discard();
            result = new PipelineResult(bundle.target(), movie.frameCount(), cells, Math.round(total),
                    log.timings(STAGES));
        }
        CurationDecisions automatic = cellClassifier == null || result.cells() == 0 ? null
                : CellClassifierTraining.classify(cellClassifier, result.bundle());
        if (carried != null || automatic != null) {
            // a second commit once the bundle's lock is released: the extraction stands if this one fails; the
            // user's decisions have the last word over the classifier's
            java.util.Map<String, CurationDecisions.Decision> decisions = new java.util.LinkedHashMap<>();
            if (automatic != null) {
                decisions.putAll(automatic.byCell());
            }
            if (carried != null) {
                decisions.putAll(carried.decisions().byCell());
            }
            CurationRun.apply(result.bundle(), new CurationDecisions(decisions), (carried != null ? "an earlier "
                    + "extraction's " + prior.file() + " (carried over)" : "") + (automatic != null ? (carried != null
                    ? " and " : "") + "the classifier " + classifier : ""), ownDecisions, progress);
        }
        return result;
    }
}
