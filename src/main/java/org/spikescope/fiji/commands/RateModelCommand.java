package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.spikescope.core.InputException;
import org.spikescope.fiji.ParameterValues;
import org.spikescope.fiji.display.RateDisplay;
import org.spikescope.rates.rnn.RateComparison;
import org.spikescope.rates.rnn.RnnRatesRun;
import org.spikescope.rates.rnn.RnnSettings;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * The parameters every rate-model command shares (BlechRNN's data handling: spikes, trials, windows, bins, split,
 * PCA, forecast), read over a blechrnn_params.json: a parameter left at "config" (or 0 / −1 as its description says)
 * keeps that file's value, or BlechRNN's default.
 */
public abstract class RateModelCommand implements Command {

    static final String CONFIG = "config";

    @Parameter(label = "Spikes (CSV)", description = "counts per frame (time_s, then one column per cell: the "
            + "pipeline's spikes.csv) or spike times (cell,time_s)")
    File spikes;

    @Parameter(label = "Trials (CSV)", required = false, description = "trial,start_s,label; empty = cut the "
            + "recording into windows of the timeLims length")
    File trials;

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Settings (blechrnn_params.json)", required = false, description = "empty = BlechRNN's "
            + "defaults")
    File config;

    @Parameter(label = "Time limits (ms)", required = false, description = "'from,to' ms from each trial's start;"
            + " empty = config")
    String timeLims = "";

    @Parameter(label = "Bin size (ms)", min = "0", description = "0 = config")
    double binSize = 0;

    @Parameter(label = "Hidden size", min = "0", description = "RNN width or GFR units; 0 = config")
    int hiddenSize = 0;

    @Parameter(label = "Training steps", min = "0", description = "0 = config")
    int trainSteps = 0;

    @Parameter(label = "Training share of trials", min = "0", max = "1", description = "0 = config")
    double trainTestSplit = 0;

    @Parameter(label = "Use PCA", choices = {CONFIG, "true", "false"})
    String usePca = CONFIG;

    @Parameter(label = "Stimulus time (ms)", description = "from each trial's start; -1 = config")
    double stimulusTime = -1;

    @Parameter(label = "Forecast time (ms)", description = "0 = one bin; -1 = config")
    double forecastTime = -1;

    @Parameter(label = "One model per condition", choices = {CONFIG, "true", "false"})
    String separateConditions = CONFIG;

    @Parameter(label = "Seed", description = "-1 = config")
    long seed = -1;

    @Parameter(label = "Retrain", description = "train afresh even when the output folder holds a model trained "
            + "with the same settings and data")
    boolean retrain = false;

    @Parameter(label = "Results file (HDF5)", required = false, description = "an existing results.h5 to add "
            + "the rates to; empty = none")
    File results;

    @Parameter(label = "Compare with (folder)", required = false, style = "directory", description = "the output "
            + "folder of another rate-model run on the same trials: its model's scores join this run's metrics.csv")
    File compareWith;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    /** The settings file with this command's overrides laid over it. */
    RnnSettings settings() throws IOException {
        target(); // a missing output folder is named before the settings are read
        RnnSettings c = RnnSettings.loadOrDefaults(config == null ? null : config.toPath());
        double[] lims = timeLims == null || timeLims.isBlank() ? c.timeLims()
                : ParameterValues.numbers("timeLims", timeLims, 2, "1500,4500");
        return new RnnSettings(lims,
                trainSteps > 0 ? trainSteps : c.trainSteps(),
                hiddenSize > 0 ? hiddenSize : c.hiddenSize(),
                binSize > 0 ? binSize : c.binSize(),
                trainTestSplit > 0 ? trainTestSplit : c.trainTestSplit(),
                choice("usePca", usePca, c.usePca()),
                forecastTime >= 0 ? forecastTime : c.forecastTime(),
                stimulusTime != -1 ? stimulusTime : c.stimulusTime(),
                seed != -1 ? seed : c.seed(),
                choice("separateConditions", separateConditions, c.separateConditions()),
                c.learningRate(), c.dropout(), c.pcaVariance(), c.testEvery()).validate();
    }

    /** The output folder, refused over or around the spikes, trials, settings and compared runs. */
    org.spikescope.io.OutputTarget target(File... more) {
        File[] inputs = new File[more.length + 4];
        inputs[0] = spikes;
        inputs[1] = trials;
        inputs[2] = config;
        inputs[3] = compareWith;
        System.arraycopy(more, 0, inputs, 4, more.length);
        return org.spikescope.fiji.OutputTargets.of("output", output, overwrite, inputs);
    }

    java.nio.file.Path resultsFile() {
        return results == null || results.getPath().isEmpty() ? null : results.toPath();
    }

    java.nio.file.Path compareFolder() {
        return compareWith == null || compareWith.getPath().isEmpty() ? null : compareWith.toPath();
    }

    /** Fills the summary and shows the tables and plots. */
    void report(RnnRatesRun.Result r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d neurons, %d trials, %d model(s); "
                        + "held-out bits/spike:", r.inputs().binned().neurons().size(),
                r.inputs().binned().trials().count(), r.groups().size()));
        for (RateComparison.Score score : r.comparison().scores()) {
            s.append(String.format(Locale.ROOT, " %s %.3f", score.model(), score.bitsPerSpike()));
        }
        r.log().stream().filter(l -> l.startsWith("WARNING")).forEach(w -> s.append("; ").append(w));
        summary = s.append("; wrote ").append(output).toString();
        RateDisplay.show(r);
    }

    private static boolean choice(String name, String value, boolean fromConfig) {
        if (value == null || value.equals(CONFIG)) {
            return fromConfig;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InputException("parameter '" + name + "': expected config, true or false, got '" + value + "'");
    }
}
