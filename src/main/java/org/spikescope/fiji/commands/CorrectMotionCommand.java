package org.spikescope.fiji.commands;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.Choice;
import org.spikescope.core.FrameSource;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.fiji.display.FrameSourceStack;
import org.spikescope.fiji.display.MotionDisplay;
import org.spikescope.io.OutputTarget;
import org.spikescope.motion.CorrectedFormat;
import org.spikescope.motion.MotionCorrectionRun;
import org.spikescope.motion.MotionSettings;
import org.spikescope.movie.TiffStackReader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Rigid or piecewise-rigid (NoRMCorre) motion correction of a recording or of the current image: writes the
 * corrected movie, shifts.csv and results.h5 into the output folder, shows the corrected movie as a virtual stack,
 * the shifts table and their plot.
 */
@Plugin(type = Command.class, label = "Correct Motion")
public class CorrectMotionCommand implements Command {

    private static final MotionSettings D = MotionSettings.defaults();

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

    @Parameter(label = "Mode", choices = {"rigid", "piecewise"})
    String mode = D.mode().label();

    @Parameter(label = "Maximum shift (px)", min = "0")
    double maxShift = D.maxShift();

    @Parameter(label = "Cell radius (px)", min = "1")
    double cellRadius = D.cellRadius();

    @Parameter(label = "Patch size (px)", min = "8", description = "piecewise mode")
    int patchSize = D.patchSize();

    @Parameter(label = "Patch overlap (px)", min = "0", description = "piecewise mode")
    int patchOverlap = D.patchOverlap();

    @Parameter(label = "Corrected movie format", choices = {"tiff", "hdf5"},
            description = "tiff streams to disk; hdf5 is held in memory until written")
    String format = "tiff";

    @Parameter(label = "Leave corrupted frames out of the template")
    boolean detectCorrupted = true;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Corrected movie")
    ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        OutputTarget target = OutputTargets.ofMovie("output", output, overwrite, input, movie);
        MotionSettings settings = D.withMode(mode).withShape(maxShift, cellRadius).withPatches(patchSize, patchOverlap)
                .validate();
        MotionCorrectionRun run;
        try (FrameSource source = MovieInputs.open(input, dataset, 0, movie)) {
            run = MotionCorrectionRun.toFolder(source, settings, target,
                    Choice.parse(CorrectedFormat.class, format, "format"), detectCorrupted,
                    FijiProgress.forCommand("Correct Motion"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary = String.format(Locale.ROOT, "%d frames, %s, largest shift %.2f px (edge copies fill %s), %d frames "
                        + "left out of the template, mean-image sharpness %.4g -> %.4g (x%.2f); wrote %s, %s, %s",
                run.result().frames(), settings.mode().label(), run.result().largestShift(),
                run.result().copiedBorder().describe(), run.excluded().size(),
                run.sharpnessBefore(), run.sharpnessAfter(),
                run.sharpnessAfter() / Math.max(run.sharpnessBefore(), 1e-300), run.movie().getFileName(),
                run.shifts().getFileName(), run.results().getFileName())
                + (run.result().searchWarning().isEmpty() ? "" : "; " + run.result().searchWarning());
        image = corrected(run);
        MotionDisplay.show(run.result());
    }

    /** The corrected movie as a virtual stack (TIFF output), or null for HDF5 output. */
    private static ImagePlus corrected(MotionCorrectionRun run) {
        if (!run.movie().getFileName().toString().endsWith(".tif")) {
            return null;
        }
        try {
            return FrameSourceStack.imagePlus("motion corrected", TiffStackReader.open(run.movie(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
