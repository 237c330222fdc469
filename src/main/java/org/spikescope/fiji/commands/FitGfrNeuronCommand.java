package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.ParameterValues;
import org.spikescope.io.OutputTarget;
import org.spikescope.rates.gfr.GfrDataset;
import org.spikescope.rates.gfr.GfrFitSettings;
import org.spikescope.rates.gfr.GfrFitting;
import org.spikescope.rates.gfr.GfrRecording;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Fits a Generalized Firing Rate neuron to an input current and the spikes it evoked, and writes it as an entry of a
 * GRNN dataset JSON (added to the file, or replacing the entry of the same cell and bin sizes).
 */
@Plugin(type = Command.class, label = "Fit GFR Neuron")
public class FitGfrNeuronCommand implements Command {

    private static final GfrFitSettings D = GfrFitSettings.defaults();

    @Parameter(label = "Input current (CSV)", description = "current_pA, one row per bin; optionally sweep")
    File current;

    @Parameter(label = "Spikes (CSV)", description = "count per bin (row for row with the current) or spike "
            + "times time_ms from the sweep's start; optionally sweep")
    File spikes;

    @Parameter(label = "Cell id")
    String cellId;

    @Parameter(label = "Cre line", required = false)
    String creLine = "";

    @Parameter(label = "Bin size (ms)", min = "0")
    double binSize = D.binSize();

    @Parameter(label = "Activation bin size (ms)", min = "0", description = "a whole number of bins")
    double activationBinSize = D.activationBinSize();

    @Parameter(label = "Activation degree", min = "1", max = "5")
    int degree = D.degree();

    @Parameter(label = "Maximum firing rate (Hz)", min = "0", description = "0 = the highest observed in a bin")
    double maxFiringRate = D.maxFiringRate();

    @Parameter(label = "Sparsity penalty C", min = "0")
    double sparsity = D.sparsity();

    @Parameter(label = "Learning rates", description = "comma-separated; the best on validation wins")
    String learningRates = "0.001,0.01,0.1";

    @Parameter(label = "Steps", min = "1")
    int steps = D.steps();

    @Parameter(label = "Dataset output (JSON)", style = "save")
    File output;

    @Parameter(label = "Overwrite", description = "add to a dataset file SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        if (output == null || cellId == null || cellId.isBlank()) {
            throw new InputException("parameters 'output' and 'cellId' are needed");
        }
        GfrFitSettings settings = new GfrFitSettings(binSize, activationBinSize, degree, maxFiringRate, sparsity,
                ParameterValues.numbers("learningRates", learningRates, -1, "0.001,0.01,0.1"), steps, D.activationSteps(), D.validationShare()).validate();
        try {
            GfrRecording rec = GfrRecording.read(current.toPath(), spikes.toPath(), binSize);
            GfrFitting.Result fit = GfrFitting.fit(cellId.trim(), creLine == null ? "" : creLine, rec.currents(),
                    rec.counts(), settings, FijiProgress.forCommand("Fit GFR Neuron"));
            int entries = GfrDataset.add(fit.cell(), OutputTarget.of("output", output.toPath(), overwrite,
                    current.toPath(), spikes.toPath()));
            summary = String.format(Locale.ROOT, "cell %s: %d sweeps, %d step onsets; learning rate %s; validation "
                            + "EVR %.3f; training loss %.4f; wrote %s (%d entries)", cellId.trim(), rec.sweeps().size(),
                    fit.onsets(), fit.learningRate(), fit.validationEvr(), fit.trainLoss(), output, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
