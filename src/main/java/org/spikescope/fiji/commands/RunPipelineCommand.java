package org.spikescope.fiji.commands;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.FrameSource;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.fiji.display.BundleDisplay;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.pipeline.PipelineResult;
import org.spikescope.pipeline.PipelineSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * From movie to spikes in one command: motion correction, neuron detection and traces, spike deconvolution, into
 * one results bundle (see {@link Pipeline}); settings from a settings.json (e.g. an earlier bundle's), defaults
 * otherwise.
 */
@Plugin(type = Command.class, label = "Run SpikeScope Pipeline")
public class RunPipelineCommand implements Command {

    @Parameter(label = "Recording", style = "both", required = false,
            description = "a Miniscope V4/V3 folder, a .tif stack, an .h5 file or an 8-bit .avi; empty = the current"
                    + " image (Fiji)")
    File input;

    @Parameter(label = "HDF5 dataset", required = false, description = "dataset inside an HDF5 input; empty = its"
            + " only 3-D dataset")
    String dataset = "";

    @Parameter(label = "Image", required = false, description = "the movie when no recording file is given "
            + "(Fiji: the active image; scripts pass their own)")
    ImagePlus movie;

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Settings (JSON)", style = "open", required = false,
            description = "settings.json with the fields that differ from the defaults; empty = defaults")
    File settings;

    @Parameter(label = "Curation (CSV)", style = "open", required = false,
            description = "decisions on an earlier run's cells (a bundle's curation.csv), carried over to this run's "
                    + "cells by their outlines; empty = the output bundle's own curation.csv, if any")
    File curation;

    @Parameter(label = "Cell classifier (JSON)", style = "open", required = false,
            description = "a classifier from Train Cell Classifier: the cells it would reject are rejected (source "
                    + "classifier) unless a user decision says otherwise; empty = none")
    File classifier;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Cells")
    ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        // the settings file is read whole before anything is written: it may be this folder's own settings.json
        org.spikescope.io.OutputTarget target = org.spikescope.fiji.OutputTargets.ofMovie("output", output, overwrite,
                input, movie);
        try {
            PipelineSettings s = PipelineSettings.loadOrDefaults(settings == null ? null : settings.toPath());
            PipelineResult r;
            try (FrameSource source = MovieInputs.open(input, dataset, s.frameRate(), movie)) {
                r = Pipeline.run(source, s, target, curation == null || curation.getPath().isEmpty() ? null
                        : curation.toPath(), classifier == null || classifier.getPath().isEmpty() ? null
                        : classifier.toPath(), FijiProgress.forCommand("SpikeScope Pipeline"));
            }
            summary = String.format(Locale.ROOT, "%d frames, %d cells, %d spikes (%s); results in %s",
                    r.frames(), r.cells(), r.spikes(), r.timings(), r.bundle());
            image = BundleDisplay.show(r.bundle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
