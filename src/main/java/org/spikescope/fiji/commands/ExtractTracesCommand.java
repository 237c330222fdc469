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
import org.spikescope.register.LongitudinalTraces;
import org.spikescope.register.RegisteredFootprints;
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

    @Parameter(label = "Footprints", style = "open", required = false,
            description = "results.h5 from Detect Neurons, or an ImageJ RoiSet.zip / .roi (or give a registration)")
    File footprints;

    @Parameter(label = "Registration", style = "directory", required = false,
            description = "a Register Sessions output: every registered cell is measured in this session's movie "
                    + "(columns cell_001 … = registered cells 1 …, the same in every session)")
    File registration;

    @Parameter(label = "Session", min = "0", description = "which session of the registration this movie is, "
            + "counted from 1 (with a registration)")
    int session = 0;

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
        boolean registered = registration != null && !registration.getPath().isEmpty();
        boolean given = footprints != null && !footprints.getPath().isEmpty();
        if (registered == given) {
            throw new InputException(registered ? "give either 'footprints' or 'registration', not both"
                    : "parameter 'footprints': no footprints given (a results.h5 or a RoiSet.zip, or a "
                    + "'registration' and its 'session')");
        }
        if (registered && session < 1) {
            throw new InputException("parameter 'session': which session of the registration this movie is "
                    + "(counted from 1)");
        }
        org.spikescope.io.OutputTarget target = OutputTargets.ofMovie("output", output, overwrite, input, movie,
                registered ? registration : footprints);
        TraceSettings settings = new TraceSettings(cellRadius, baselinePercentile, baselineSeconds, backgroundPatterns)
                .validate();
        try (FrameSource source = MovieInputs.open(input, dataset, frameRate, movie)) {
            ProgressListener progress = FijiProgress.forCommand("Extract Traces");
            java.util.Set<Integer> excluded = CorruptedFrameDetector.unusable(source, detectCorrupted, progress);
            if (registered) {
                RegisteredFootprints cells = RegisteredFootprints.inSession(registration.toPath(), session);
                LongitudinalTraces.Result r = LongitudinalTraces.toFolder(source, cells, settings, excluded, target,
                        progress);
                // the traces become the Results table (headless) or the traces window, as without a registration
                org.spikescope.fiji.display.Tables.show(CellDisplay.TRACES_TABLE, org.spikescope.io.TraceTables.toCsv(
                        org.spikescope.traces.TraceOutputs.table(r.dff(), source.times())));
                long outside = cells.registered().stream().filter(java.util.Objects::isNull).count();
                long own = java.util.stream.IntStream.range(0, cells.own().length).filter(i -> cells.own()[i]).count();
                summary = String.format(Locale.ROOT, "%d registered cells measured in session %d (%d found in it, "
                                + "%d carried from other sessions, %d outside its image: NaN), %d frames; wrote "
                                + "traces.csv, traces_raw.csv, cells.csv, RoiSet.zip and results.h5 to %s",
                        r.dff().length, session, own, r.dff().length - own - outside, outside, r.dff()[0].length,
                        output);
                return;
            }
            List<Footprint> cells = FootprintFiles.read(footprints.toPath(), source.width(), source.height());
            TraceExtractionRun run = TraceExtractionRun.toFolder(source, cells, settings, excluded, target, progress);
            CellDisplay.show(cells, run.dff(), source.times());
            summary = String.format(Locale.ROOT, "%d cells, %d frames; wrote traces.csv, traces_raw.csv, RoiSet.zip "
                    + "and results.h5 to %s", cells.size(), run.traces().frames(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
