package org.spikescope.fiji.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.decode.ActivityFiles;
import org.spikescope.decode.PopulationPrediction;
import org.spikescope.decode.PopulationRun;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.MovieInputs;
import org.spikescope.fiji.ParameterValues;
import org.spikescope.rates.BinnedTrials;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Predicts one population's binned activity from another's with a recurrent network and a Poisson loss, and scores
 * it in bits per spike on held-out trials against each neuron's mean rate.
 */
@Plugin(type = Command.class, label = "Predict Population Activity")
public class PredictPopulationActivityCommand extends TrialActivityCommand {

    private static final PopulationPrediction.Settings D = PopulationPrediction.Settings.defaults();

    @Parameter(label = "Source neurons", required = false, description = "comma-separated names; empty = a random "
            + "half; the rest are predicted")
    String source = "";

    @Parameter(label = "Hidden size", min = "1")
    int hiddenSize = D.hidden();

    @Parameter(label = "Training steps", min = "1")
    int trainSteps = D.trainSteps();

    @Parameter(label = "Training share of trials", min = "0", max = "1")
    double trainTestSplit = D.trainTestSplit();

    @Parameter(label = "Seed")
    long seed = D.seed();

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = org.spikescope.fiji.OutputTargets.of("output", output, overwrite,
                inputFile() == null ? null : inputFile().toFile(), trialsFile() == null ? null : trialsFile().toFile());
        double[] window = ParameterValues.numbers("timeLims", timeLims, 2, "0,1000");
        List<String> sources = source == null || source.isBlank() ? List.of()
                : Arrays.stream(source.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        try {
            BinnedTrials in = ActivityFiles.read(inputFile(), trialsFile(), spikesDataset, null, window, binSize);
            PopulationPrediction.Result r = PopulationRun.toFolder(in, new PopulationPrediction.Settings(sources,
                            hiddenSize, trainSteps, trainTestSplit, seed, D.learningRate()), target,
                    FijiProgress.forCommand("Predict Population Activity"));
            summary = String.format(Locale.ROOT, "%d source and %d target neurons, %d held-out trials: %.3f bits per "
                    + "spike; wrote %s", r.source().size(), r.target().size(), r.test().length, r.overall(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
