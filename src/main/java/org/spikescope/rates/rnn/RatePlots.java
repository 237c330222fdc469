package org.spikescope.rates.rnn;

import ij.gui.Plot;
import org.spikescope.rates.BinnedTrials;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run's plots as PNG: loss curves per model, each neuron's mean observed and predicted rate per condition, and
 * each condition's mean latent trajectories.
 */
final class RatePlots {

    /** Tableau's ten colours, one per condition or factor. */
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private RatePlots() {
    }

    static Color colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    static void write(RnnRatesRun.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (RnnRateInference.Group g : r.groups()) {
            Plot p = new Plot("Loss, " + g.name(), "training step", "MSE (components)");
            double[] steps = java.util.Arrays.stream(g.curve().steps()).asDoubleStream().toArray();
            p.setColor(colour(0));
            p.addPoints(steps, g.curve().train(), Plot.LINE);
            p.setColor(colour(1));
            p.addPoints(steps, g.curve().test(), Plot.LINE);
            p.addLegend("training trials\nheld-out trials");
            p.setLimitsToFit(false);
            RnnOutputs.savePng(p, dir.resolve("loss_" + RnnModelStore.fileName(g.name()) + ".png"));
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
            Plot p = new Plot(b.neurons().get(j), "time from trial start (ms)", "rate (spikes/s)");
            StringBuilder legend = new StringBuilder();
            for (int c = 0; c < labels.size(); c++) {
                double[] observed = new double[steps];
                double[] predicted = new double[steps];
                int n = 0;
                for (RnnRateInference.Group g : r.groups()) {
                    for (int s = 0; s < g.trials().length; s++) {
                        int k = g.trials()[s];
                        if (!b.trials().labels().get(k).equals(labels.get(c))) {
                            continue;
                        }
                        for (int t = 0; t < steps; t++) {
                            observed[t] += b.counts()[k][first + t][j] * perSecond;
                            predicted[t] += Math.max(0, g.rates()[s][t][j]) * perSecond;
                        }
                        n++;
                    }
                }
                for (int t = 0; t < steps; t++) {
                    observed[t] /= n;
                    predicted[t] /= n;
                }
                p.setColor(colour(c));
                p.setLineWidth(1);
                p.addPoints(time, observed, Plot.DOT);
                p.setLineWidth(2);
                p.addPoints(time, predicted, Plot.LINE);
                legend.append(labels.get(c)).append(" observed\n").append(labels.get(c)).append(" RNN\n");
            }
            p.addLegend(legend.toString().trim());
            p.setLimitsToFit(false);
            RnnOutputs.savePng(p, dir.resolve("neuron_" + RnnModelStore.fileName(b.neurons().get(j)) + ".png"));
        }
        for (String label : labels) {
            Plot p = new Plot("Latent factors, " + label, "time from trial start (ms)", "mean hidden state");
            double[][] mean = null;
            int n = 0;
            for (RnnRateInference.Group g : r.groups()) {
                for (int s = 0; s < g.trials().length; s++) {
                    if (!b.trials().labels().get(g.trials()[s]).equals(label)) {
                        continue;
                    }
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
            StringBuilder legend = new StringBuilder();
            for (int f = 0; f < mean.length; f++) {
                for (int t = 0; t < steps; t++) {
                    mean[f][t] /= n;
                }
                p.setColor(colour(f));
                p.addPoints(time, mean[f], Plot.LINE);
                legend.append("factor ").append(f + 1).append('\n');
            }
            p.addLegend(legend.toString().trim());
            p.setLimitsToFit(false);
            RnnOutputs.savePng(p, dir.resolve("latents_" + RnnModelStore.fileName(label) + ".png"));
        }
    }
}
