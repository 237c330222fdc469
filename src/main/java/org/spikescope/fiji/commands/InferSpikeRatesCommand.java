package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.TraceSet;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.TraceInputs;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.fiji.display.InferenceDisplay;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.spikes.learned.InferenceOutputs;
import org.spikescope.spikes.learned.ShippedModels;
import org.spikescope.spikes.learned.SpikeInference;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Expected spikes per frame and spike times from ΔF/F traces by a learned model (CASCADE-class). */
@Plugin(type = Command.class, label = "Infer Spike Rates")
public class InferSpikeRatesCommand implements Command {

    @Parameter(label = "Traces (CSV)", required = false,
            description = "time_s or frame, then one column per cell (ΔF/F); empty = the open Results table (Fiji)")
    File input;

    @Parameter(label = "Spikes output (CSV)", style = "save",
            description = "expected spikes per frame; <name>_events.csv and <name>_parameters.csv are written "
                    + "beside it")
    File output;

    @Parameter(label = "Frame rate (Hz)", min = "0", description = "0 = from the time_s column")
    double frameRate = 0;

    @Parameter(label = "Model (JSON)", required = false,
            description = "a model made by \"Train Spike Inference Model\"; empty = the shipped model nearest the rate")
    File model;

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
        boolean ownModel = model != null && !model.getPath().isEmpty();
        OutputTarget target = ownModel ? OutputTargets.of("output", output, overwrite, input, model,
                org.spikescope.spikes.learned.SpikeModelFiles.weightsOf(model.toPath()).toFile())
                : OutputTargets.of("output", output, overwrite, input);
        TraceSet traces = TraceInputs.read(input);
        double rate = traces.frameRate(frameRate);
        SpikeInference.Cell[] results;
        ShippedModels.Chosen chosen;
        try (OutputFolder folder = InferenceOutputs.open(target)) {
            chosen = ShippedModels.choose(rate, ownModel ? model.toPath() : null);
            results = SpikeInference.infer(traces, rate, chosen.model(), FijiProgress.forCommand("Infer Spike Rates"));
            InferenceOutputs.writeFiles(folder.staged(target.path()), traces, results, rate, chosen.model(),
                    chosen.name());
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells = results.length;
        failedCells = (int) Arrays.stream(results).filter(r -> !r.ok()).count();
        StringBuilder s = new StringBuilder(String.format("%d cells, %d frames at %.3g Hz, model %s", cells,
                traces.frames(), rate, chosen.name()));
        if (!chosen.note().isEmpty()) {
            s.append(" (").append(chosen.note()).append(')');
        }
        for (SpikeInference.Cell r : results) {
            if (!r.ok()) {
                s.append("; ").append(r.name()).append(": ").append(r.error());
            }
        }
        summary = s.toString();
        InferenceDisplay.show(traces, results, rate, chosen, plotCell);
    }
}
