package org.spikescope.rates.rnn;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.spikescope.core.SettingsCheck;
import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;
import org.spikescope.io.JsonSettings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Settings of BlechRNN's rate inference, stored as {@code blechrnn_params.json} with BlechRNN's field names (its
 * defaults: blech_clust's params template). A file may hold only some fields; the rest keep their defaults.
 *
 * @param timeLims           window of each trial used, ms from the trial's start {from, to}
 * @param trainSteps         Adam steps (full batch)
 * @param hiddenSize         RNN width, also the number of latent factors
 * @param binSize            ms per bin; at least one imaging frame
 * @param trainTestSplit     share of the trials used for training; the rest are held out for the test loss and the
 *                           metrics
 * @param usePca             feed the principal components (95 % of the variance) instead of every neuron
 * @param forecastTime       how far ahead the network predicts, ms; 0 = one bin
 * @param stimulusTime       ms from the trial's start where the stimulus input marks the stimulus; it must lie
 *                           inside the window
 * @param seed               seeds the trial split, the initial weights and the dropout masks
 * @param separateConditions one model per trial label instead of one for all trials
 * @param learningRate       Adam's step size
 * @param dropout            drop probability after the encoder and between the RNN layers
 * @param pcaVariance        share of the variance the kept components explain
 * @param testEvery          steps between evaluations of the training and test losses
 */
public record RnnSettings(
        @JsonProperty("time_lims") double[] timeLims,
        @JsonProperty("train_steps") int trainSteps,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("bin_size") double binSize,
        @JsonProperty("train_test_split") double trainTestSplit,
        @JsonProperty("use_pca") boolean usePca,
        @JsonProperty("forecast_time") double forecastTime,
        @JsonProperty("stimulus_time") double stimulusTime,
        @JsonProperty("seed") long seed,
        @JsonProperty("separate_conditions") boolean separateConditions,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("dropout") double dropout,
        @JsonProperty("pca_variance") double pcaVariance,
        @JsonProperty("test_every") int testEvery) {

    public static final String FILE_NAME = "blechrnn_params.json";

    public static RnnSettings defaults() {
        return new RnnSettings(new double[] {1500, 4500}, 15000, 8, 25, 0.75, true, 0, 2000, 1, false, 1e-3, 0.2,
                0.95, 100);
    }

    /** @param fromMs each trial's window starts here… @param toMs …and ends here (ms from the trial's start) */
    public RnnSettings withWindow(double fromMs, double toMs, double stimulusMs) {
        return new RnnSettings(new double[] {fromMs, toMs}, trainSteps, hiddenSize, binSize, trainTestSplit, usePca,
                forecastTime, stimulusMs, seed, separateConditions, learningRate, dropout, pcaVariance, testEvery);
    }

    public RnnSettings withBinSize(double ms) {
        return new RnnSettings(timeLims, trainSteps, hiddenSize, ms, trainTestSplit, usePca, forecastTime,
                stimulusTime, seed, separateConditions, learningRate, dropout, pcaVariance, testEvery);
    }

    public RnnSettings withTrainSteps(int steps) {
        return new RnnSettings(timeLims, steps, hiddenSize, binSize, trainTestSplit, usePca, forecastTime,
                stimulusTime, seed, separateConditions, learningRate, dropout, pcaVariance, testEvery);
    }

    public RnnSettings withSeed(long value) {
        return new RnnSettings(timeLims, trainSteps, hiddenSize, binSize, trainTestSplit, usePca, forecastTime,
                stimulusTime, value, separateConditions, learningRate, dropout, pcaVariance, testEvery);
    }

    /** The defaults with the fields of {@code file} laid over them (null or empty: the defaults). */
    public static RnnSettings loadOrDefaults(Path file) throws IOException {
        if (file == null || file.toString().isEmpty()) {
            return defaults();
        }
        return JsonSettings.overlay(defaults(), file, RnnSettings.class, "config",
                "BlechRNN's fields (time_lims, train_steps, hidden_size, bin_size, train_test_split, use_pca, "
                        + "forecast_time)");
    }

    public void save(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> Json.MAPPER.writeValue(temp.toFile(), this));
    }

    /** Bins the network looks ahead. */
    public int forecastBins() {
        return forecastTime == 0 ? 1 : (int) Math.round(forecastTime / binSize);
    }

    public RnnSettings validate() {
        SettingsCheck check = new SettingsCheck("RNN settings");
        check.require(timeLims != null && timeLims.length == 2 && timeLims[1] > timeLims[0],
                "timeLims must be two times in ms, the end after the start");
        check.positive("binSize", binSize);
        check.require(trainSteps >= 1, "trainSteps must be 1 or more (got " + trainSteps + ")");
        check.require(hiddenSize >= 1, "hiddenSize must be 1 or more (got " + hiddenSize + ")");
        check.require(trainTestSplit > 0 && trainTestSplit < 1,
                "trainTestSplit must be between 0 and 1, exclusive (got " + trainTestSplit + ")");
        check.nonNegative("forecastTime", forecastTime);
        if (forecastTime > 0 && binSize > 0) {
            double bins = forecastTime / binSize;
            check.require(Math.abs(bins - Math.rint(bins)) < 1e-6 && bins >= 1,
                    "forecastTime must be a whole number of bins (" + binSize + " ms each), got " + forecastTime);
        }
        if (timeLims != null && timeLims.length == 2 && binSize > 0) {
            int bins = (int) Math.floor((timeLims[1] - timeLims[0]) / binSize + 1e-9);
            check.require(bins > forecastBins() + 1, "the window " + timeLims[0] + "–" + timeLims[1] + " ms holds "
                    + bins + " bins of " + binSize + " ms: too few to forecast " + forecastBins() + " ahead");
            check.require(stimulusTime >= timeLims[0] && stimulusTime < timeLims[1], "stimulusTime ("
                    + stimulusTime + " ms) must lie inside timeLims (" + timeLims[0] + "–" + timeLims[1] + " ms)");
        }
        check.positive("learningRate", learningRate);
        check.require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1) (got " + dropout + ")");
        check.require(pcaVariance > 0 && pcaVariance <= 1, "pcaVariance must be in (0, 1] (got " + pcaVariance + ")");
        check.require(testEvery >= 1, "testEvery must be 1 or more (got " + testEvery + ")");
        check.done();
        return this;
    }
}
