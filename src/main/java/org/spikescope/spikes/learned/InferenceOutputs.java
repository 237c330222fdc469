package org.spikescope.spikes.learned;

import org.spikescope.core.TraceSet;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;
import org.spikescope.spikes.DeconvolutionOutputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files "Infer Spike Rates" writes: expected spikes per frame at {@code output} (same first column, cells and
 * rows as the input), the discrete spike times as {@code <name>_events.csv} ({@code cell,time_s}) and each cell's
 * noise level and model as {@code <name>_parameters.csv}, next to it.
 */
public final class InferenceOutputs {

    public static final List<String> PARAMETER_COLUMNS = List.of("cell", "status", "noise_level", "model",
            "spike_sum", "events");
    public static final List<String> EVENT_COLUMNS = List.of("cell", "time_s");

    private InferenceOutputs() {
    }

    public static TraceSet spikes(TraceSet input, SpikeInference.Cell[] cells) {
        double[][] v = new double[cells.length][];
        for (int c = 0; c < cells.length; c++) {
            v[c] = cells[c].spikes();
        }
        return input.with(v);
    }

    /** Each cell's spike times, on the input's time axis (seconds, or frames / rate when it holds frames). */
    public static double[][] events(TraceSet input, SpikeInference.Cell[] cells, double frameRate) {
        double[] seconds = input.timeColumn().equals("time_s") ? input.time() : new double[input.frames()];
        if (!input.timeColumn().equals("time_s")) {
            for (int t = 0; t < seconds.length; t++) {
                seconds[t] = input.time()[t] / frameRate;
            }
        }
        double[][] out = new double[cells.length][];
        for (int c = 0; c < cells.length; c++) {
            out[c] = cells[c].ok() ? DiscreteSpikes.times(cells[c].spikes(), seconds, frameRate) : new double[0];
        }
        return out;
    }

    public static TextTable eventTable(TraceSet input, SpikeInference.Cell[] cells, double[][] events) {
        TextTable t = new TextTable(EVENT_COLUMNS);
        for (int c = 0; c < cells.length; c++) {
            for (double time : events[c]) {
                t.add(cells[c].name(), time);
            }
        }
        return t;
    }

    public static TextTable parameters(SpikeInference.Cell[] cells, double[][] events, SpikeModel model,
                                       String modelName) {
        TextTable t = new TextTable(PARAMETER_COLUMNS);
        for (int c = 0; c < cells.length; c++) {
            SpikeInference.Cell cell = cells[c];
            t.add(cell.name(), cell.ok() ? "ok" : cell.error(), cell.noiseLevel(),
                    cell.ok() ? modelName + " (" + model.describe(cell.level()) + ")" : "",
                    cell.ok() ? cell.spikeSum() : Double.NaN, events[c].length);
        }
        return t;
    }

    /** Checks where the three tables go (before any work) and opens their commit; stage them with writeFiles. */
    public static OutputFolder open(OutputTarget output) throws IOException {
        Path out = output.path();
        return OutputFolder.files(output, "spike-inference", List.of(out,
                DeconvolutionOutputs.sibling(out, "events"), DeconvolutionOutputs.sibling(out, "parameters")));
    }

    /** The three tables, written where asked (a results folder being staged). */
    public static void writeFiles(Path output, TraceSet input, SpikeInference.Cell[] cells, double frameRate,
                                  SpikeModel model, String modelName) throws IOException {
        double[][] events = events(input, cells, frameRate);
        TraceTables.write(spikes(input, cells), output);
        eventTable(input, cells, events).write(DeconvolutionOutputs.sibling(output, "events"));
        parameters(cells, events, model, modelName).write(DeconvolutionOutputs.sibling(output, "parameters"));
    }
}
