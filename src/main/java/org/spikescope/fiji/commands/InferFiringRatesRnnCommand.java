package org.spikescope.fiji.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.rates.rnn.RnnRateInference;
import org.spikescope.rates.rnn.RnnRatesRun;
import org.spikescope.rates.rnn.RnnSettings;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Firing rates from spike trains with BlechRNN's autoencoder RNN (DeepLearning4J), scored beside Gaussian smoothing
 * and the condition PSTH on held-out trials.
 */
@Plugin(type = Command.class, label = "Infer Firing Rates (RNN)")
public class InferFiringRatesRnnCommand extends RateModelCommand {

    @Override
    public void run() {
        try {
            RnnSettings s = settings();
            report(RnnRatesRun.toFolder(spikes == null ? null : spikes.toPath(),
                    trials == null ? null : trials.toPath(), s, "rnn", RnnRateInference.blechRnn(s), retrain,
                    target(), resultsFile(), compareFolder(),
                    FijiProgress.forCommand("Infer Firing Rates (RNN)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
