package org.spikescope.decode;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.SettingsCheck;
import org.spikescope.rates.RateMetrics;
import org.spikescope.rates.TrialSplit;
import org.spikescope.rates.ZScore;
import org.spikescope.rates.rnn.PoissonRnn;
import org.spikescope.rates.rnn.RnnNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts one population's binned spike counts from another's, bin by bin, with BlechRNN's recurrent network and a
 * Poisson loss (log-rate outputs): the source population's counts, z-scored on the training trials, go in; the
 * target's expected counts come out. Scored in bits per spike on held-out trials against each neuron's mean rate.
 */
public final class PopulationPrediction {

    private PopulationPrediction() {
    }

    /**
     * @param source         the source neurons' names; empty = a random half (seeded)
     * @param hidden         the network's hidden units
     * @param trainSteps     Adam steps (full batch)
     * @param trainTestSplit share of the trials trained on; the rest are held out for the scores
     * @param learningRate   Adam's step size
     */
    public record Settings(List<String> source, int hidden, int trainSteps, double trainTestSplit, long seed,
                           double learningRate) {

        public static Settings defaults() {
            return new Settings(List.of(), 8, 2000, 0.75, 1, 1e-2);
        }

        public Settings validate() {
            new SettingsCheck("population prediction settings")
                    .require(source != null, "source: a list of neuron names (empty = a random half)")
                    .require(hidden >= 1, "hidden must be 1 or more (got " + hidden + ")")
                    .require(trainSteps >= 1, "trainSteps must be 1 or more (got " + trainSteps + ")")
                    .require(trainTestSplit > 0 && trainTestSplit < 1,
                            "trainTestSplit must be between 0 and 1, exclusive (got " + trainTestSplit + ")")
                    .positive("learningRate", learningRate)
                    .done();
            return this;
        }
    }

    /**
     * @param rates        expected counts per bin of the target neurons, {@code [trial][bin][target]}, every trial
     * @param bitsPerSpike per target neuron on the held-out trials
     * @param overall      all target neurons together
     */
    public record Result(List<String> source, List<String> target, int[] train, int[] test, double[][][] rates,
                         double[] bitsPerSpike, double overall) {
    }

    /** @param counts {@code [trial][bin][neuron]} */
    public static Result run(double[][][] counts, List<String> neurons, Settings s, ProgressListener progress) {
        s.validate();
        int[][] roles = roles(neurons, s);
        int[] src = roles[0];
        int[] tgt = roles[1];
        int trials = counts.length;
        int bins = counts[0].length;
        TrialSplit split = TrialSplit.random(trials, s.trainTestSplit(), s.seed());
        double[][][] source = pick(counts, src);
        double[][][] target = pick(counts, tgt);
        ZScore z = ZScore.fit(source, split.train());
        RnnNetwork net = RnnNetwork.create(new PoissonRnn.Spec(src.length, s.hidden(), tgt.length, 0.2),
                s.learningRate(), bins, s.seed());
        var batch = net.batch(rows(source, split.train(), z), rows(target, split.train(), null));
        progress.stage("Training the population model");
        for (int step = 1; step <= s.trainSteps(); step++) {
            progress.checkCancelled();
            net.step(batch);
            if (step % 100 == 0) {
                progress.progress(step, s.trainSteps());
            }
        }
        int[] all = new int[trials];
        for (int k = 0; k < trials; k++) {
            all[k] = k;
        }
        double[] out = net.predict(rows(source, all, z)).outputs();
        double[][][] rates = new double[trials][bins][tgt.length];
        for (int k = 0; k < trials; k++) {
            for (int t = 0; t < bins; t++) {
                for (int j = 0; j < tgt.length; j++) {
                    rates[k][t][j] = Math.exp(out[(k * bins + t) * tgt.length + j]);
                }
            }
        }
        double[] bits = new double[tgt.length];
        for (int j = 0; j < tgt.length; j++) {
            bits[j] = RateMetrics.bitsPerSpike(pick(target, new int[] {j}), pick(rates, new int[] {j}), split.test());
        }
        return new Result(names(neurons, src), names(neurons, tgt), split.train(), split.test(), rates, bits,
                RateMetrics.bitsPerSpike(target, rates, split.test()));
    }

    private static int[][] roles(List<String> neurons, Settings s) {
        if (neurons.size() < 2) {
            throw new InputException("population prediction needs at least two neurons (got " + neurons.size() + ")");
        }
        List<Integer> source = new ArrayList<>();
        if (s.source().isEmpty()) {
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < neurons.size(); j++) {
                order.add(j);
            }
            java.util.Collections.shuffle(order, new java.util.Random(s.seed()));
            source.addAll(order.subList(0, neurons.size() / 2));
        } else {
            for (String name : s.source()) {
                int j = neurons.indexOf(name.trim());
                if (j < 0) {
                    throw new InputException("parameter 'source': no neuron '" + name.trim() + "' (neurons: "
                            + String.join(", ", neurons) + ")");
                }
                source.add(j);
            }
        }
        if (source.size() >= neurons.size()) {
            throw new InputException("parameter 'source': every neuron is a source; nothing is left to predict");
        }
        int[] src = source.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] tgt = java.util.stream.IntStream.range(0, neurons.size()).filter(j -> !source.contains(j)).toArray();
        return new int[][] {src, tgt};
    }

    private static List<String> names(List<String> neurons, int[] idx) {
        List<String> out = new ArrayList<>();
        for (int j : idx) {
            out.add(neurons.get(j));
        }
        return out;
    }

    private static double[][][] pick(double[][][] counts, int[] neurons) {
        double[][][] out = new double[counts.length][counts[0].length][neurons.length];
        for (int k = 0; k < counts.length; k++) {
            for (int t = 0; t < counts[k].length; t++) {
                for (int j = 0; j < neurons.length; j++) {
                    out[k][t][j] = counts[k][t][neurons[j]];
                }
            }
        }
        return out;
    }

    /** Row-major {@code [trial][bin][neuron]} of the given trials, standardised when z is given. */
    private static double[] rows(double[][][] values, int[] trials, ZScore z) {
        int bins = values[0].length;
        int n = values[0][0].length;
        double[] out = new double[trials.length * bins * n];
        for (int i = 0; i < trials.length; i++) {
            for (int t = 0; t < bins; t++) {
                double[] v = z == null ? values[trials[i]][t] : z.apply(values[trials[i]][t]);
                System.arraycopy(v, 0, out, (i * bins + t) * n, n);
            }
        }
        return out;
    }
}
