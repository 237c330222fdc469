package org.spikescope.fiji.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.Choice;
import org.spikescope.core.InputException;
import org.spikescope.decode.DecoderKind;
import org.spikescope.decode.DecodingResult;
import org.spikescope.decode.DecodingRun;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.ParameterValues;
import org.spikescope.fiji.display.DecodingDisplay;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Decodes each trial's label (stimulus, choice) from the population's activity in that trial, cross-validated, with
 * a permutation test. Writes {@code decoder,accuracy,balanced_accuracy,chance,p_value}, one row per decoder, and
 * each decoder's confusion matrix beside it.
 */
@Plugin(type = Command.class, label = "Decode Trial Labels")
public class DecodeTrialLabelsCommand extends TrialActivityCommand {

    @Parameter(label = "Labels dataset (HDF5)", required = false)
    String labelsDataset = "";

    @Parameter(label = "Decoders", description = "comma-separated: logistic, lstm, xgboost")
    String decoders = "logistic";

    @Parameter(label = "Folds", min = "2")
    int folds = 5;

    @Parameter(label = "Stratified shuffled folds", description = "instead of contiguous blocks of trials")
    boolean shuffleFolds = false;

    @Parameter(label = "Balance classes", description = "repeat minority classes' training trials")
    boolean balance = false;

    @Parameter(label = "Permutations", min = "0", description = "label permutations for chance and the p-value")
    int permutations = 100;

    @Parameter(label = "Regularisation C", min = "0", description = "logistic regression's inverse L2 strength")
    double c = 1;

    @Parameter(label = "Seed")
    long seed = 1;

    @Parameter(label = "Output (CSV)", style = "save")
    File output;

    @Parameter(label = "Overwrite", description = "replace files of the same names that SpikeScope did not write")
    boolean overwrite = false;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = org.spikescope.fiji.OutputTargets.of("output", output, overwrite,
                inputFile() == null ? null : inputFile().toFile(), trialsFile() == null ? null : trialsFile().toFile());
        DecodingRun.Settings s = new DecodingRun.Settings(
                ParameterValues.numbers("timeLims", timeLims, 2, "0,1000"), binSize,
                Choice.parseList(DecoderKind.class, decoders, "decoders"), folds, shuffleFolds, balance, permutations, c, seed,
                DecodingRun.Models.defaults());
        try {
            DecodingRun.Result r = DecodingRun.toFile(inputFile(), trialsFile(), spikesDataset, labelsDataset, s,
                    target, FijiProgress.forCommand("Decode Trial Labels"));
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d trials, %d classes, %d features;",
                    r.data().trials(), r.data().classes().size(), r.data().features()[0].length));
            for (DecodingResult d : r.results()) {
                text.append(String.format(Locale.ROOT, " %s: balanced accuracy %.3f (chance %.3f, p %.3g)",
                        d.decoder(), d.balancedAccuracy(), d.chance(), d.pValue()));
            }
            summary = text.append("; wrote ").append(output).toString();
            DecodingDisplay.show(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
