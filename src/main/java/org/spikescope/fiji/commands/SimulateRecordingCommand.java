package org.spikescope.fiji.commands;

import org.spikescope.core.Footprint;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.sim.FootprintFactory;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a simulated one-photon miniscope recording with its ground truth. */
@Plugin(type = Command.class, label = "Simulate Miniscope Recording")
public class SimulateRecordingCommand implements Command {

    private static final SimulationSettings D = SimulationSettings.defaults();

    @Parameter(label = "Output folder", style = "directory",
            description = "folder to create (replaced only once the new recording is complete)")
    File output;

    @Parameter(label = "Movie format", choices = {"tiff", "hdf5", "v4"},
            description = "tiff stack, HDF5 dataset /movie, or a Miniscope V4 folder of 8-bit AVIs")
    String format = D.format().label();

    @Parameter(label = "Frames", min = "1")
    int frames = D.frames();

    @Parameter(label = "Width (px)", min = "16")
    int width = D.width();

    @Parameter(label = "Height (px)", min = "16")
    int height = D.height();

    @Parameter(label = "Cells", min = "0")
    int cells = D.cells();

    @Parameter(label = "Frame rate (Hz)", min = "0.1")
    double frameRate = D.frameRate();

    @Parameter(label = "Random seed", description = "the same seed gives the same recording bit for bit")
    long seed = D.seed();

    @Parameter(label = "Cell radius (px)", min = "1")
    double cellRadius = D.cellRadius();

    @Parameter(label = "Real footprints (CSV, optional)", required = false,
            description = "unit_id,row,col,value footprints to use as cell shapes; empty = synthetic shapes")
    File footprints;

    @Parameter(label = "Motion", choices = {"none", "rigid", "piecewise"})
    String motion = D.motion().label();

    @Parameter(label = "Maximum shift (px)", min = "0")
    double maxShift = D.maxShift();

    @Parameter(label = "Mean spike rate (Hz)", min = "0")
    double spikeRate = D.spikeRate();

    @Parameter(label = "Calcium decay time (s)", min = "0.01")
    double decayTime = D.decayTime();

    @Parameter(label = "Spike amplitude (photoelectrons)", min = "0")
    double spikeAmplitude = D.spikeAmplitude();

    @Parameter(label = "Background (photoelectrons)", min = "0")
    double background = D.background();

    @Parameter(label = "Blood vessels", min = "0")
    int vessels = D.vessels();

    @Parameter(label = "Lens vignetting (centre / corner brightness)", min = "1",
            description = "1 = none; a real miniscope measured 2.6")
    double vignetting = D.vignetting();

    @Parameter(label = "Dropped frames (v4 only)", min = "0")
    int droppedFrames = D.droppedFrames();

    @Parameter(label = "Corrupted frames", min = "0")
    int corruptedFrames = D.corruptedFrames();

    @Parameter(type = ItemIO.OUTPUT, label = "Movie")
    String movie;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Frames written")
    int framesWritten;

    @Parameter(type = ItemIO.OUTPUT, label = "Spikes")
    long spikes;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = org.spikescope.fiji.OutputTargets.of("output", output, overwrite,
                footprints);
        SimulationSettings s = SimulationSettings.builder().frames(frames).width(width).height(height).cells(cells)
                .frameRate(frameRate).seed(seed).format(format).cellRadius(cellRadius)
                .footprints(footprints == null ? "" : footprints.getPath()).motion(motion).maxShift(maxShift)
                .spikeRate(spikeRate).decayTime(decayTime).riseTime(Math.min(D.riseTime(), decayTime / 2))
                .spikeAmplitude(spikeAmplitude).background(background).vessels(vessels).vignetting(vignetting)
                .droppedFrames(droppedFrames)
                .corruptedFrames(corruptedFrames).build().validate();
        try {
            List<Footprint> templates = s.footprints().isEmpty() ? List.of()
                    : FootprintFactory.readSparseCsv(footprints.toPath());
            RecordingSimulator.Written w = RecordingSimulator.write(s, templates, target,
                    FijiProgress.forCommand("Simulate Miniscope Recording"));
            movie = w.movie().toString();
            framesWritten = w.storedFrames();
            spikes = w.spikes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
