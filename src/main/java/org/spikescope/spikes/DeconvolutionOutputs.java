package org.spikescope.spikes;

import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.core.TraceSet;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files "Deconvolve Spikes" writes: spikes at {@code output} (same first column, cells and rows as the
 * input), the denoised calcium as {@code <name>_calcium.csv} and the per-cell parameters as
 * {@code <name>_parameters.csv}, next to it.
 */
public final class DeconvolutionOutputs {

    public static final List<String> PARAMETER_COLUMNS = List.of("cell", "status", "baseline", "sigma", "g1", "g2",
            "decay_s", "lambda", "s_min", "lag_frames", "snr", "spike_sum");

    private DeconvolutionOutputs() {
    }

    public static TraceSet spikes(TraceSet input, CellResult[] results) {
        double[][] v = new double[results.length][];
        for (int c = 0; c < results.length; c++) {
            v[c] = results[c].spikes();
        }
        return input.with(v);
    }

    public static TraceSet calcium(TraceSet input, CellResult[] results) {
        double[][] v = new double[results.length][];
        for (int c = 0; c < results.length; c++) {
            v[c] = results[c].calcium();
        }
        return input.with(v);
    }

    public static TextTable parameters(CellResult[] results, double frameRate) {
        TextTable t = new TextTable(PARAMETER_COLUMNS);
        for (CellResult r : results) {
            double baseline = 0;
            for (double b : r.baseline()) {
                baseline += b;
            }
            double sum = 0;
            for (double s : r.spikes()) {
                sum += Double.isNaN(s) ? 0 : s;
            }
            t.add(r.name(), r.ok() ? "ok" : r.error(), baseline / r.baseline().length, r.sigma(),
                    r.g().length > 0 ? r.g()[0] : Double.NaN, r.g().length > 1 ? r.g()[1] : 0.0,
                    r.decaySeconds(frameRate), r.lambda(), r.sMin(), r.lagFrames(), r.snr(), sum);
        }
        return t;
    }

    /** {@code dir/<stem>_<suffix>.csv} beside the output file. */
    public static Path sibling(Path output, String suffix) {
        String name = output.getFileName().toString();
        String stem = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(stem + "_" + suffix + ".csv");
    }

    /** The three tables beside each other, committed together; refused over an input or a file not SpikeScope's. */
    public static void write(OutputTarget output, TraceSet input, CellResult[] results, double frameRate)
            throws IOException {
        try (OutputFolder folder = open(output)) {
            writeFiles(folder.staged(output.path()), input, results, frameRate);
            folder.commit();
        }
    }

    /** Checks where the three tables go (before any work) and opens their commit; stage them with writeFiles. */
    public static OutputFolder open(OutputTarget output) throws IOException {
        Path out = output.path();
        return OutputFolder.files(output, "deconvolution", List.of(out, sibling(out, "calcium"),
                sibling(out, "parameters")));
    }

    /** The three tables, written where asked (a results folder being staged). */
    public static void writeFiles(Path output, TraceSet input, CellResult[] results, double frameRate)
            throws IOException {
        TraceTables.write(spikes(input, results), output);
        TraceTables.write(calcium(input, results), sibling(output, "calcium"));
        parameters(results, frameRate).write(sibling(output, "parameters"));
    }
}
