package org.spikescope.rates.rnn;

import org.spikescope.core.ImageJFormats;
import org.spikescope.core.PlotSeries;
import org.spikescope.rates.BinnedTrials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's plots as PNG: loss curves per model, each neuron's mean observed and predicted rate per condition, and
 * each condition's mean latent trajectories.
 */
final class RatePlots {

    private RatePlots() {
    }

    static void write(RnnRatesRun.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (RnnRateInference.Group g : r.groups()) {
            double[] steps = java.util.Arrays.stream(g.curve().steps()).asDoubleStream().toArray();
            ImageJFormats.get().writeLinePlotPng("Loss, " + g.name(), "training step", "MSE (components)", List.of(
                    new PlotSeries("training trials", steps, g.curve().train(), 0, false),
                    new PlotSeries("held-out trials", steps, g.curve().test(), 1, false)),
                    dir.resolve("loss_" + RnnModelStore.fileName(g.name()) + ".png"));
        }
        BinnedTrials b = r.inputs().binned();
        List<String> labels = b.trials().conditions();
        int first = r.groups().get(0).preprocessing().forecastBins();
        int steps = b.bins() - first;
        double[] time = new double[steps];
        for (int t = 0; t < steps; t++) {
            time[t] = b.binStartMs(first + t);
        }
        double perSecond = 1000 / b.binMs();
        for (int j = 0; j < b.neurons().size(); j++) {
            List<PlotSeries> series = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                double[] observed = new double[steps];
                double[] predicted = new double[steps];
                int n = 0;
                for (RnnRateInference.Group g : r.groups()) {
                    for (int s = 0; s < g.trials().length; s++) {
                        int k = g.trials()[s];
                        if (b.trials().labels().get(k).equals(labels.get(c))) {
                            for (int t = 0; t < steps; t++) {
                                observed[t] += b.counts()[k][first + t][j] * perSecond;
                                predicted[t] += Math.max(0, g.rates()[s][t][j]) * perSecond;
                            }
                            n++;
                        }
                    }
                }
                for (int t = 0; t < steps; t++) {
                    observed[t] /= n;
                    predicted[t] /= n;
                }
                series.add(new PlotSeries(labels.get(c) + " observed", time, observed, c, true));
                series.add(new PlotSeries(labels.get(c) + " RNN", time, predicted, c, false));
            }
            ImageJFormats.get().writeLinePlotPng(b.neurons().get(j), "time from trial start (ms)", "rate (spikes/s)", series,
                    dir.resolve("neuron_" + RnnModelStore.fileName(b.neurons().get(j)) + ".png"));
        }
        for (String label : labels) {
            double[][] mean = null;
            int n = 0;
            for (RnnRateInference.Group g : r.groups()) {
                for (int s = 0; s < g.trials().length; s++) {
                    if (b.trials().labels().get(g.trials()[s]).equals(label)) {
                        double[][] l = g.latents()[s];
                        mean = mean == null ? new double[l[0].length][steps] : mean;
                        for (int t = 0; t < steps; t++) {
                            for (int f = 0; f < l[t].length; f++) {
                                mean[f][t] += l[t][f];
                            }
                        }
                        n++;
                    }
                }
            }
            List<PlotSeries> series = new ArrayList<>();
            for (int f = 0; f < mean.length; f++) {
                for (int t = 0; t < steps; t++) {
                    mean[f][t] /= n;
                }
                series.add(new PlotSeries("factor " + (f + 1), time, mean[f], f, false));
            }
            ImageJFormats.get().writeLinePlotPng("Latent factors, " + label, "time from trial start (ms)", "mean hidden state",
                    series, dir.resolve("latents_" + RnnModelStore.fileName(label) + ".png"));
        }
    }
}
