package org.spikescope.fiji.commands;

import org.spikescope.fiji.OutputTargets;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import java.util.List;
import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.display.FrameSourceStack;
import org.spikescope.fiji.display.Tables;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.movie.FrameQuality;
import org.spikescope.movie.MovieOpener;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Opens a Miniscope V4/V3 folder, TIFF stack, HDF5 dataset or 8-bit AVI as a virtual stack with frame times,
 * and reports dropped and corrupted frames.
 */
@Plugin(type = Command.class, label = "Open Miniscope Recording")
public class OpenRecordingCommand implements Command {

    public static final String QUALITY_TABLE = "Frame Quality";

    @Parameter(label = "Recording", style = "both",
            description = "a Miniscope V4/V3 folder, a .tif stack, an .h5 file or an 8-bit .avi")
    File input;

    @Parameter(label = "HDF5 dataset", required = false,
            description = "dataset path inside an HDF5 file; empty = its only 3-D dataset")
    String dataset = "";

    @Parameter(label = "Frame rate (Hz)", min = "0",
            description = "for files that state none; 0 = from the file, else 20 Hz")
    double frameRate = 0;

    @Parameter(label = "Detect corrupted frames")
    boolean detectCorrupted = true;

    @Parameter(label = "Corruption threshold (robust z)", min = "1")
    double threshold = CorruptedFrameDetector.DEFAULT_THRESHOLD;

    @Parameter(label = "Frame report (CSV, optional)", style = "save", required = false,
            description = "writes the dropped/corrupted frame table here")
    File report;

    @Parameter(label = "Overwrite", description = "replace a report file SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Movie")
    ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Frames")
    int frames;

    @Parameter(type = ItemIO.OUTPUT, label = "Dropped frames")
    int droppedFrames;

    @Parameter(type = ItemIO.OUTPUT, label = "Corrupted frames")
    String corruptedFrames;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        if (input == null) {
            throw new InputException("parameter 'input': no recording given");
        }
        FrameSource source;
        try {
            source = MovieOpener.open(input.toPath(), dataset, frameRate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FrameQuality quality = FrameQuality.assess(source, detectCorrupted, threshold,
                FijiProgress.forCommand("Open Miniscope Recording"));
        if (report != null && !report.getPath().isEmpty()) {
            OutputTarget target = OutputTargets.of("report", report, overwrite, input);
            try (OutputFolder folder = OutputFolder.files(target, "frame-report", List.of(target.path()))) {
                quality.issueTable().write(folder.staged(target.path()));
                folder.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        image = FrameSourceStack.imagePlus(input.getName(), source);
        frames = source.frameCount();
        droppedFrames = quality.droppedFrames();
        corruptedFrames = quality.corruptedFrames().toString();
        summary = String.format(Locale.ROOT, "%s: %d frames of %dx%d, %d-bit, %.2f Hz, %d dropped in %d gaps, "
                        + "%d corrupted, %d damaged", source.description(), frames, source.width(), source.height(),
                source.bitDepth(), source.times().frameRate(), droppedFrames, quality.gaps().size(),
                quality.corruptedFrames().size(), quality.damaged().size());
        Tables.show(QUALITY_TABLE, quality.issueTable());
    }
}
