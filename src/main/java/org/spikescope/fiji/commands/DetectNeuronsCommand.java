package org.spikescope.fiji.commands;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.Choice;
import org.spikescope.core.CopiedBorder;
import org.spikescope.core.FrameSource;
import org.spikescope.core.SettingsCheck;
import org.spikescope.detect.DetectionResult;
import org.spikescope.detect.DetectionRun;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.detect.Indicator;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.fiji.display.CellDisplay;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Finds the neurons in a (motion-corrected) one-photon movie and measures them: footprints, raw and ΔF/F traces.
 * Writes traces.csv, traces_raw.csv, RoiSet.zip, summary.png and results.h5 into the output folder; shows the
 * correlation image with the outlines, the traces and cells tables, and fills the ROI Manager.
 */
@Plugin(type = Command.class, label = "Detect Neurons")
public class DetectNeuronsCommand implements Command {

    private static final DetectionSettings D = DetectionSettings.defaults();

    @Parameter(label = "Recording", style = "both", required = false,
            description = "a motion-corrected movie: .tif stack, .h5 file, Miniscope folder or 8-bit .avi; empty ="
                    + " the current image (Fiji)")
    File input;

    @Parameter(label = "HDF5 dataset", required = false, description = "dataset inside an HDF5 input; empty = its"
            + " only 3-D dataset")
    String dataset = "";

    @Parameter(label = "Image", required = false, description = "the movie when no recording file is given "
            + "(Fiji: the active image; scripts pass their own)")
    ImagePlus movie;

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Cell radius (px)", min = "1")
    double cellRadius = D.cellRadius();

    @Parameter(label = "Minimum local correlation", min = "0", max = "1",
            description = "a seed pixel's correlation with its neighbours (CNMF-E min_corr)")
    double minCorrelation = D.minCorrelation();

    @Parameter(label = "Minimum peak-to-noise ratio", min = "0", description = "a seed pixel's PNR (CNMF-E min_pnr)")
    double minPnr = D.minPnr();

    @Parameter(label = "Merge above trace correlation", min = "0", max = "1")
    double mergeCorrelation = D.mergeCorrelation();

    @Parameter(label = "Minimum trace SNR", min = "0", description = "cells whose trace peaks lower are dropped")
    double minTraceSnr = D.minTraceSnr();

    @Parameter(label = "Minimum spatial correlation", min = "-1", max = "1",
            description = "footprint vs the image its activity explains (CaImAn rval_thr)")
    double minSpatialCorrelation = D.minSpatialCorrelation();

    @Parameter(label = "Background patterns", min = "0", max = "10",
            description = "fluctuating background patterns (e.g. vessel edges) modelled besides the smooth background")
    int backgroundPatterns = D.backgroundPatterns();

    @Parameter(label = "Indicator decay time (s)", min = "0", max = "60",
            description = "the calcium indicator's decay time constant; 0 = the indicator's, or estimated from the"
                    + " movie")
    double decayTime = D.decayTime();

    @Parameter(label = "Indicator", choices = {"unknown", "GCaMP6f", "GCaMP6m", "GCaMP6s", "jRGECO1a"},
            description = "sets the decay time (two-photon values: 0.7, 1.0, 1.25, 0.7 s); unknown = estimate it")
    String indicator = D.indicator().label();

    @Parameter(label = "Edge band without seeds (px)", min = "0",
            description = "no cell is seeded this close to the image's edges: the band a motion correction filled "
                    + "with copies of the edge (the widest of the bands Correct Motion's summary names); 0 = none")
    int border = 0;

    @Parameter(label = "Leave corrupted frames out")
    boolean detectCorrupted = true;

    @Parameter(label = "Frame rate (Hz)", min = "0", description = "overrides the file's or image's frame interval;"
            + " 0 = theirs (20 Hz if they state none)")
    double frameRate = 0;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Cells")
    ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = OutputTargets.ofMovie("output", output, overwrite, input, movie);
        DetectionSettings settings = new DetectionSettings(cellRadius, minCorrelation, minPnr, mergeCorrelation,
                minTraceSnr, D.iterations(), D.baselinePercentile(), D.baselineSeconds(), backgroundPatterns,
                minSpatialCorrelation, decayTime, Choice.parse(Indicator.class, indicator, "indicator")).validate();
        new SettingsCheck("detection settings").nonNegative("border", border).done();
        DetectionRun run;
        try (FrameSource source = MovieInputs.open(input, dataset, frameRate, movie)) {
            run = DetectionRun.toFolder(source, settings, detectCorrupted,
                    new CopiedBorder(border, border, border, border), target,
                    FijiProgress.forCommand("Detect Neurons"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DetectionResult r = run.result();
        summary = String.format(Locale.ROOT, "%d cells from %d candidates in %d frames; wrote traces.csv, "
                        + "traces_raw.csv, RoiSet.zip, summary.png and results.h5 to %s", r.footprints().size(),
                r.seeds(), r.summary().frames(), output);
        image = CellDisplay.withOutlines("Cells on the correlation image", r.summary().correlation(),
                r.summary().width(), r.summary().height(), r.footprints());
        CellDisplay.show(r.footprints(), r.dff(), r.times());
    }
}
