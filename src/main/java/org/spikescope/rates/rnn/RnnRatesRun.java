package org.spikescope.rates.rnn;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Trials;
import org.spikescope.core.Workers;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TrialTables;
import org.spikescope.rates.BinnedTrials;
import org.spikescope.rates.SpikeFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * "Infer Firing Rates (RNN)" from files: spikes (counts per frame with time_s, the pipeline's spikes.csv, or spike
 * times cell,time_s) and trials (trial,start_s,label; without them the recording is cut into windows of the
 * timeLims length), to a folder of results written atomically ({@link RnnOutputs}). A model saved in the folder's
 * {@code model/} by an earlier run with the same settings and data is reused unless {@code retrain}.
 */
public final class RnnRatesRun {

    private RnnRatesRun() {
    }

    /**
     * @param binned      the trials binned as the settings say
     * @param stimulusBin the stimulus marker's bin, −1 for none
     */
    public record Inputs(BinnedTrials binned, int stimulusBin, boolean continuous) {
    }

    /**
     * @param model  the model's name in metrics.csv and results.h5 ("rnn", "gfr_network")
     * @param output the folder written, or null for a run in memory
     */
    public record Result(String model, Inputs inputs, List<RnnRateInference.Group> groups,
                         RateComparison.Result comparison, List<String> log, Path output) {
    }

    /** @param trials null or empty: continuous mode */
    public static Inputs read(Path spikes, Path trials, RnnSettings settings) throws IOException {
        boolean continuous = trials == null || trials.toString().isEmpty();
        return inputs(SpikeFiles.read(spikes), continuous ? null : TrialTables.read(trials), settings);
    }

    /** @param trials null: continuous mode (consecutive windows of timeLims' length, labelled "all") */
    public static Inputs inputs(SpikeFiles spikes, Trials trials, RnnSettings settings) {
        double from = settings.timeLims()[0];
        double to = settings.timeLims()[1];
        boolean continuous = trials == null;
        Trials t = trials;
        if (continuous) {
            t = windows(spikes.endSeconds(), to - from);
            to -= from;
            from = 0;
        }
        BinnedTrials binned = spikes.bin(t, from, to, settings.binSize());
        int stimulusBin = continuous ? -1 : (int) Math.floor((settings.stimulusTime() - from) / settings.binSize());
        return new Inputs(binned, stimulusBin, continuous);
    }

    /**
     * BlechRNN's rates in memory, nothing written: trained on the training trials, scored on the held-out ones
     * against smoothing and the PSTH.
     */
    public static Result inMemory(Inputs in, RnnSettings settings, ProgressListener progress) {
        settings.validate();
        List<String> log = new ArrayList<>();
        try (Workers workers = new Workers()) {
            List<RnnRateInference.Group> groups = RnnRateInference.run(in.binned(), settings, in.stimulusBin(),
                    null, null, workers, progress, log::add);
            progress.stage("Scoring rates on held-out trials");
            return new Result("rnn", in, groups, RateComparison.compare(in.binned(), groups, "rnn"), log, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Consecutive windows from time 0 that fit in the recording, labelled "all". */
    static Trials windows(double endSeconds, double windowMs) {
        int n = (int) Math.floor(endSeconds * 1000 / windowMs);
        if (n < 4) {
            throw new InputException("parameter 'trials': none given, and the recording (" + endSeconds + " s) holds "
                    + n + " windows of " + windowMs + " ms; continuous mode needs at least 4 (shorten timeLims)");
        }
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] starts = new double[n];
        for (int k = 0; k < n; k++) {
            ids.add("w" + (k + 1));
            labels.add("all");
            starts[k] = k * windowMs / 1000;
        }
        return new Trials(ids, starts, labels);
    }

    /**
     * @param results an existing results.h5 to add {@code /rates/rnn} to, or null
     */
    public static Result toFolder(Path spikes, Path trials, RnnSettings settings, boolean retrain, OutputTarget output,
                                  Path results, ProgressListener progress) throws IOException {
        return toFolder(spikes, trials, settings, "rnn", RnnRateInference.blechRnn(settings), retrain, output,
                results, null, progress);
    }

    /**
     * @param modelName   the model's name in the outputs
     * @param model       the model to train, given the preprocessed data's sizes
     * @param compareWith another rate run's output folder whose model scores join this run's table (it must have
     *                    held out the same trials), or null
     */
    public static Result toFolder(Path spikes, Path trials, RnnSettings settings, String modelName,
                                  Function<RnnPreprocessing, SequenceModel.Spec> model, boolean retrain, OutputTarget output,
                                  Path results, Path compareWith, ProgressListener progress) throws IOException {
        settings.validate();
        try (OutputFolder folder = OutputFolder.bundle(output, "rates-" + modelName); Workers workers = new Workers()) {
            progress.stage("Reading spikes and trials");
            Inputs in = read(spikes, trials, settings);
            List<String> log = new ArrayList<>();
            log.add(String.format(java.util.Locale.ROOT, "%d neurons, %d %s of %d bins of %s ms", in.binned()
                    .neurons().size(), in.binned().trials().count(), in.continuous() ? "windows" : "trials",
                    in.binned().bins(), org.spikescope.io.CsvTable.format(settings.binSize())));
            RnnModelStore previous = retrain ? null : new RnnModelStore(folder.target().resolve(RnnOutputs.MODEL_DIR));
            RnnModelStore store = new RnnModelStore(folder.dir().resolve(RnnOutputs.MODEL_DIR));
            List<RnnRateInference.Group> groups = RnnRateInference.run(in.binned(), settings, model,
                    in.stimulusBin(), store, previous, workers, progress, log::add);
            progress.stage("Scoring rates on held-out trials");
            RateComparison.Result comparison = RateComparison.compare(in.binned(), groups, modelName);
            if (compareWith != null) {
                comparison = comparison.with(EarlierRun.scores(compareWith, groups, modelName));
            }
            Result result = new Result(modelName, in, groups, comparison, log, folder.target());
            progress.stage("Writing rates");
            RnnOutputs.write(result, settings, folder.dir());
            folder.commit();
            if (results != null) {
                RnnOutputs.addToResults(result, OutputTarget.of("results", results, output.overwrite(), spikes,
                        trials));
            }
            return result;
        }
    }
}
