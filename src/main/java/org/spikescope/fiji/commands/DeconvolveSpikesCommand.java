package org.spikescope.fiji.commands;

import org.spikescope.fiji.OutputTargets;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.TraceSet;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.TraceInputs;
import org.spikescope.fiji.display.DeconvolutionDisplay;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.DeconvolutionOutputs;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.spikes.SpikeDeconvolver;
import org.spikescope.core.Choice;
import org.spikescope.spikes.CalciumModel;
import org.spikescope.spikes.SparsityPenalty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Turns ΔF/F traces into spikes per frame (OASIS-class deconvolution with automatic parameters). */
@Plugin(type = Command.class, label = "Deconvolve Spikes")
public class DeconvolveSpikesCommand implements Command {

    private static final DeconvolutionSettings D = DeconvolutionSettings.defaults();

    @Parameter(label = "Traces (CSV)", required = false,
            description = "time_s or frame, then one column per cell; empty = the open Results table (Fiji)")
    File input;

    @Parameter(label = "Spikes output (CSV)", style = "save",
            description = "spikes per frame; <name>_calcium.csv and <name>_parameters.csv are written beside it")
    File output;

    @Parameter(label = "Frame rate (Hz)", min = "0", description = "0 = from the time_s column")
    double frameRate = 0;

    @Parameter(label = "Model", choices = {"auto", "AR1", "AR2"})
    String model = D.model().label();

    @Parameter(label = "Penalty", choices = {"L1", "L0"})
    String penalty = D.penalty().label();

    @Parameter(label = "Minimum spike size", min = "0", description = "in trace units; 0 = automatic (L0)")
    double minSpikeSize = D.minSpikeSize();

    @Parameter(label = "Cell to plot", required = false, description = "Fiji only; empty = the first cell")
    String plotCell = "";

    @Parameter(label = "Overwrite", description = "replace files of the same names that SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Cells")
    int cells;

    @Parameter(type = ItemIO.OUTPUT, label = "Cells that failed")
    int failedCells;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        OutputTarget target = OutputTargets.of("output", output, overwrite, input);
        DeconvolutionSettings settings = new DeconvolutionSettings(Choice.parse(CalciumModel.class, model, "model"),
                Choice.parse(SparsityPenalty.class, penalty, "penalty"), minSpikeSize, D.baselineWindowSeconds(),
                D.baselinePercentile(), D.method()).validate();
        TraceSet traces = TraceInputs.read(input);
        double rate = traces.frameRate(frameRate);
        CellResult[] results;
        try (OutputFolder folder = DeconvolutionOutputs.open(target)) {
            results = SpikeDeconvolver.deconvolve(traces, rate, settings,
                    FijiProgress.forCommand("Deconvolve Spikes"));
            DeconvolutionOutputs.writeFiles(folder.staged(target.path()), traces, results, rate);
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells = results.length;
        failedCells = (int) Arrays.stream(results).filter(r -> !r.ok()).count();
        StringBuilder s = new StringBuilder(String.format("%d cells, %d frames at %.3g Hz, model %s, penalty %s",
                cells, traces.frames(), rate, settings.model().label(), settings.penalty().label()));
        for (CellResult r : results) {
            if (!r.ok()) {
                s.append("; ").append(r.name()).append(": ").append(r.error());
            }
        }
        summary = s.toString();
        DeconvolutionDisplay.show(traces, results, rate, plotCell);
    }
}
