package org.spikescope.fiji.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.rates.gfr.GfrNetwork;
import org.spikescope.rates.gfr.GfrNetworkUnits;
import org.spikescope.rates.rnn.RnnRatesRun;
import org.spikescope.rates.rnn.RnnSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Firing rates from spike trains with a recurrent network of Generalized Firing Rate neurons (DeepLearning4J), with
 * exactly the data handling, split, outputs and metrics of "Infer Firing Rates (RNN)": with the same settings and
 * seed both hold out the same trials, so their metrics.csv rows compare side by side.
 */
@Plugin(type = Command.class, label = "Infer Firing Rates (GFR network)")
public class InferFiringRatesGfrCommand extends RateModelCommand {

    @Parameter(label = "GFR neurons (GRNN dataset JSON)", required = false, description = "units start as the "
            + "published set's cells at this bin size; empty = generic units")
    File dataset;

    @Parameter(label = "Freeze the units", description = "train only the input, recurrent and readout weights, as "
            + "GRNN's network experiments do; otherwise α and β train too")
    boolean freezeUnits = true;

    @Override
    public void run() {
        try {
            RnnSettings s = settings();
            List<GfrNetwork.Unit> units = GfrNetworkUnits.choose(dataset == null || dataset.getPath().isEmpty()
                    ? null : dataset.toPath(), s.hiddenSize(), s.binSize());
            report(RnnRatesRun.toFolder(spikes == null ? null : spikes.toPath(),
                    trials == null ? null : trials.toPath(), s, "gfr_network",
                    prep -> new GfrNetwork.Spec(prep.inputs(), prep.outputs(), units, !freezeUnits), retrain,
                    target(dataset), resultsFile(), compareFolder(),
                    FijiProgress.forCommand("Infer Firing Rates (GFR network)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
