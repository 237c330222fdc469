package org.spikescope.fiji.commands;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.fiji.display.CellDisplay;
import org.spikescope.io.FootprintFiles;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.traces.TraceExtractionRun;
import org.spikescope.traces.TraceSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Measures known cells in a movie: footprints from an earlier detection (results.h5) or outlines drawn in Fiji
 * (RoiSet.zip). Writes traces.csv (ΔF/F), traces_raw.csv, RoiSet.zip and results.h5 into the output folder and
 * shows the traces and cells tables.
 */
@Plugin(type = Command.class, label = "Extract Traces")
public class ExtractTracesCommand implements Command {

    private static final TraceSettings D = TraceSettings.defaults();

    @Parameter(label = "Recording", style = "both", required = false,
            description = "a motion-corrected movie; empty = the current image (Fiji)")
    File input;

    @Parameter(label = "HDF5 dataset", required = false, description = "dataset inside an HDF5 input; empty = its"
            + " only 3-D dataset")
    String dataset = "";

    @Parameter(label = "Image", required = false, description = "the movie when no recording file is given "
            + "(Fiji: the active image; scripts pass their own)")
    ImagePlus movie;

    @Parameter(label = "Footprints", style = "open",
            description = "results.h5 from Detect Neurons, or an ImageJ RoiSet.zip / .roi")
    File footprints;

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Cell radius (px)", min = "1", description = "sets the scale of the background removal")
    double cellRadius = D.cellRadius();

    @Parameter(label = "Baseline percentile", min = "0", max = "100")
    double baselinePercentile = D.baselinePercentile();

    @Parameter(label = "Baseline window (s)", min = "0")
    double baselineSeconds = D.baselineSeconds();

    @Parameter(label = "Background patterns", min = "0", max = "10",
            description = "fluctuating background patterns (e.g. vessel edges) modelled besides the smooth background")
    int backgroundPatterns = D.backgroundPatterns();

    @Parameter(label = "Leave corrupted frames out", description = "their trace values are interpolated")
    boolean detectCorrupted = true;

    @Parameter(label = "Frame rate (Hz)", min = "0", description = "overrides the file's or image's frame interval;"
            + " 0 = theirs (20 Hz if they state none)")
    double frameRate = 0;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = OutputTargets.ofMovie("output", output, overwrite, input, movie,
                footprints);
        if (footprints == null || footprints.getPath().isEmpty()) {
            throw new InputException("parameter 'footprints': no footprints given (a results.h5 or a RoiSet.zip)");
        }
        TraceSettings settings = new TraceSettings(cellRadius, baselinePercentile, baselineSeconds, backgroundPatterns)
                .validate();
        TraceExtractionRun run;
        List<Footprint> cells;
        try (FrameSource source = MovieInputs.open(input, dataset, frameRate, movie)) {
            cells = FootprintFiles.read(footprints.toPath(), source.width(), source.height());
            ProgressListener progress = FijiProgress.forCommand("Extract Traces");
            run = TraceExtractionRun.toFolder(source, cells, settings,
                    CorruptedFrameDetector.unusable(source, detectCorrupted, progress), target, progress);
            CellDisplay.show(cells, run.dff(), source.times());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary = String.format(Locale.ROOT, "%d cells, %d frames; wrote traces.csv, traces_raw.csv, RoiSet.zip and "
                + "results.h5 to %s", cells.size(), run.traces().frames(), output);
    }
}
