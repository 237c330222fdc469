package org.spikescope.rates.rnn;

import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.rates.BinnedTrials;
import org.spikescope.rates.TrialSplit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * BlechRNN's rate inference on binned trials (blech_clust's infer_rnn_rates, Mahmood 2024): per group of trials (one
 * per label, or all together) a random train/test split, preprocessing fitted on the training trials, a model
 * trained (or reused from the model folder), then rates and latent factors predicted for every trial with dropout
 * off, and scored against the baselines on the held-out trials ({@link RateComparison}).
 */
public final class RnnRateInference {

    private RnnRateInference() {
    }

    /**
     * Rates of one group of trials.
     *
     * @param trials  indices into the binned trials
     * @param train   the group's training trials (indices into the binned trials)
     * @param test    its held-out trials
     * @param rates   expected counts per bin {@code [group trial][step][neuron]}, steps covering bins
     *                forecastBins … bins−1 (the bins the network predicts)
     * @param latents the last RNN layer's state {@code [group trial][step][factor]}, same steps
     * @param reused  whether the model came from the model folder
     */
    public record Group(String name, int[] trials, int[] train, int[] test, RnnPreprocessing preprocessing,
                        double[][][] rates, double[][][] latents, LossCurve curve, boolean reused) {
    }

    /**
     * @param stimulusBin bin of the stimulus marker within each window, or −1 for none
     * @param store       where models are looked up and saved; null keeps nothing
     * @param reuseFrom   where earlier models may be found (may equal store); null trains afresh
     * @param log         receives a line per group and the loss warning
     */
    public static List<Group> run(BinnedTrials binned, RnnSettings settings, int stimulusBin, RnnModelStore store,
                                  RnnModelStore reuseFrom, Workers workers, ProgressListener progress,
                                  Consumer<String> log) throws IOException {
        return run(binned, settings, blechRnn(settings), stimulusBin, store, reuseFrom, workers, progress, log);
    }

    /** BlechRNN's network sized for the preprocessed data. */
    public static Function<RnnPreprocessing, SequenceModel.Spec> blechRnn(RnnSettings settings) {
        return prep -> new AutoencoderRnn.Spec(prep.inputs(), settings.hiddenSize(), prep.outputs(),
                settings.dropout());
    }

    /** @param model the model to train, given the preprocessed data's sizes */
    public static List<Group> run(BinnedTrials binned, RnnSettings settings,
                                  Function<RnnPreprocessing, SequenceModel.Spec> model, int stimulusBin,
                                  RnnModelStore store, RnnModelStore reuseFrom, Workers workers,
                                  ProgressListener progress, Consumer<String> log) throws IOException {
        List<Group> out = new ArrayList<>();
        List<String> labels = binned.trials().labels();
        List<String> names = settings.separateConditions() ? binned.trials().conditions() : List.of("all");
        for (String name : names) {
            int[] members = settings.separateConditions()
                    ? java.util.stream.IntStream.range(0, labels.size()).filter(k -> labels.get(k).equals(name))
                    .toArray()
                    : java.util.stream.IntStream.range(0, labels.size()).toArray();
            progress.stage("Training: " + (names.size() > 1 ? "condition " + name : "all trials"));
            out.add(fitGroup(binned, settings, model, stimulusBin, name, members, store, reuseFrom, workers,
                    progress, log));
        }
        return out;
    }

    private static Group fitGroup(BinnedTrials binned, RnnSettings settings,
                                  Function<RnnPreprocessing, SequenceModel.Spec> modelSpec, int stimulusBin,
                                  String name, int[] members, RnnModelStore store, RnnModelStore reuseFrom,
                                  Workers workers, ProgressListener progress, Consumer<String> log)
            throws IOException {
        double[][][] counts = binned.counts();
        TrialSplit local = TrialSplit.random(members.length, settings.trainTestSplit(), settings.seed());
        int[] train = pick(members, local.train());
        int[] test = pick(members, local.test());
        double[] trialNumbers = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            trialNumbers[i] = members.length > 1 ? i / (double) (members.length - 1) : 0;
        }
        List<String> ids = new ArrayList<>();
        for (int k : members) {
            ids.add(binned.trials().ids().get(k));
        }
        RnnPreprocessing prep = RnnPreprocessing.fit(counts, train, settings, stimulusBin);
        SequenceModel.Spec spec = modelSpec.apply(prep);
        String specText = RnnModelStore.describe(spec);
        RnnModelStore.Saved wanted = new RnnModelStore.Saved(settings, specText, binned.neurons(), ids, train, test,
                prep, null);
        RnnModelStore.Model model = reuseFrom == null ? null : reuseFrom.find(name, wanted);
        boolean reused = model != null;
        if (reused) {
            log.accept("condition " + name + ": reusing the model trained earlier (set retrain to train afresh)");
            prep = model.saved().preprocessing();
        } else {
            RnnTraining.Trained trained = RnnTraining.train(spec, prep,
                    prep.inputs(counts, train, select(trialNumbers, members, train)), prep.targets(counts, train),
                    prep.inputs(counts, test, select(trialNumbers, members, test)), prep.targets(counts, test),
                    settings, workers, progress);
            model = new RnnModelStore.Model(trained.network(), new RnnModelStore.Saved(settings, specText,
                    binned.neurons(), ids, train, test, prep, trained.curve()));
        }
        if (store != null) {
            store.save(name, model);
        }
        LossCurve curve = model.saved().curve();
        int last = curve.steps().length - 1;
        log.accept(String.format(java.util.Locale.ROOT, "condition %s: %d trials (%d train, %d test), %d inputs, "
                        + "%d steps; final loss train %.4f, test %.4f", name, members.length, train.length,
                test.length, prep.inputs(), curve.steps()[last], curve.train()[last], curve.test()[last]));
        if (curve.trainAboveTest()) {
            log.accept("WARNING condition " + name + ": the final training loss is above the test loss; something "
                    + "may be odd with the split or the PCA: retrain with another seed, more trainSteps, or "
                    + "usePca off");
        }
        model.network().useWorkers(workers);
        SequenceModel.Pass pass = model.network().predict(prep.inputs(counts, members, trialNumbers));
        model.network().useWorkers(null);
        double[] outputs = pass.outputs();
        double[] latents = pass.latents();
        int steps = prep.steps();
        int hidden = latents.length / (members.length * steps);
        double[][][] rates = new double[members.length][steps][];
        double[][][] factors = new double[members.length][steps][hidden];
        for (int s = 0; s < members.length; s++) {
            for (int t = 0; t < steps; t++) {
                int row = s * steps + t;
                rates[s][t] = prep.toCounts(outputs, row * prep.outputs());
                System.arraycopy(latents, row * hidden, factors[s][t], 0, hidden);
            }
        }
        return new Group(name, members, train, test, prep, rates, factors, curve, reused);
    }

    private static int[] pick(int[] members, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = members[positions[i]];
        }
        return out;
    }

    /** The trial numbers of {@code chosen} (indices into the binned trials), all of which are members. */
    private static double[] select(double[] trialNumbers, int[] members, int[] chosen) {
        double[] out = new double[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            out[i] = trialNumbers[java.util.Arrays.binarySearch(members, chosen[i])];
        }
        return out;
    }
}
