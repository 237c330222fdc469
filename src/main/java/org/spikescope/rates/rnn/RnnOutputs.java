package org.spikescope.rates.rnn;

import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TextTable;
import org.spikescope.rates.BinnedTrials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What "Infer Firing Rates (RNN)" writes: rates.csv ({@code trial,label,time_ms,cell_001,…}, spikes/s),
 * latents.csv ({@code trial,label,time_ms,factor_1,…}), metrics.csv ({@code model,bits_per_spike,mse} on the
 * held-out trials), loss.csv ({@code condition,step,train_loss,test_loss}), the settings as blechrnn_params.json,
 * log.txt (and warning.txt when BlechRNN's loss check fails), plots/ and model/. time_ms is the start of the bin,
 * ms from the trial's start.
 */
public final class RnnOutputs {

    public static final String MODEL_DIR = "model";
    public static final String PLOT_DIR = "plots";

    private RnnOutputs() {
    }

    static void write(RnnRatesRun.Result r, RnnSettings settings, Path dir) throws IOException {
        BinnedTrials b = r.inputs().binned();
        table(r, "cell", b.neurons(), true).write(dir.resolve("rates.csv"));
        int factors = r.groups().get(0).latents()[0][0].length;
        List<String> names = new ArrayList<>();
        for (int f = 1; f <= factors; f++) {
            names.add("factor_" + f);
        }
        table(r, "factor", names, false).write(dir.resolve("latents.csv"));
        metrics(r.comparison()).write(dir.resolve("metrics.csv"));
        TextTable loss = new TextTable(List.of("condition", "step", "train_loss", "test_loss"));
        for (RnnRateInference.Group g : r.groups()) {
            LossCurve c = g.curve();
            for (int i = 0; i < c.steps().length; i++) {
                loss.add(g.name(), c.steps()[i], c.train()[i], c.test()[i]);
            }
        }
        loss.write(dir.resolve("loss.csv"));
        settings.save(dir.resolve(RnnSettings.FILE_NAME));
        List<String> log = new ArrayList<>(r.log());
        log.add(String.format(java.util.Locale.ROOT, "smoothing baseline: Gaussian sigma %s ms (best on the "
                + "training trials); metrics on %d held-out trials", org.spikescope.io.CsvTable.format(
                r.comparison().smoothingMs()), r.comparison().testTrials()));
        Files.write(dir.resolve("log.txt"), log);
        List<String> warnings = log.stream().filter(l -> l.startsWith("WARNING")).toList();
        if (!warnings.isEmpty()) {
            Files.write(dir.resolve("warning.txt"), warnings);
        }
        RatePlots.write(r, dir.resolve(PLOT_DIR));
    }

    public static TextTable metrics(RateComparison.Result comparison) {
        TextTable t = new TextTable(List.of("model", "bits_per_spike", "mse"));
        for (RateComparison.Score s : comparison.scores()) {
            t.add(s.model(), s.bitsPerSpike(), s.mse());
        }
        return t;
    }

    /** One row per trial and predicted bin, trials in their original order. */
    public static TextTable table(RnnRatesRun.Result r, String what, List<String> columns, boolean rates) {
        BinnedTrials b = r.inputs().binned();
        List<String> header = new ArrayList<>(List.of("trial", "label", "time_ms"));
        header.addAll(columns);
        TextTable t = new TextTable(header);
        double perSecond = 1000 / b.binMs();
        for (int k = 0; k < b.trials().count(); k++) {
            for (RnnRateInference.Group g : r.groups()) {
                int s = java.util.Arrays.binarySearch(g.trials(), k);
                if (s < 0) {
                    continue;
                }
                double[][] values = rates ? g.rates()[s] : g.latents()[s];
                int first = g.preprocessing().forecastBins();
                for (int step = 0; step < values.length; step++) {
                    Object[] row = new Object[header.size()];
                    row[0] = b.trials().ids().get(k);
                    row[1] = b.trials().labels().get(k);
                    row[2] = b.binStartMs(first + step);
                    for (int j = 0; j < columns.size(); j++) {
                        row[3 + j] = rates ? Math.max(0, values[step][j]) * perSecond : values[step][j];
                    }
                    t.add(row);
                }
            }
        }
        return t;
    }

    /**
     * Adds /rates/&lt;model&gt;/&lt;condition&gt;/{rates, latents, time_ms} (model rnn or gfr) to an existing
     * results file (rewritten whole).
     */
    static void addToResults(RnnRatesRun.Result r, OutputTarget target) throws IOException {
        Path results = target.path();
        String root = "/rates/" + (r.model().equals("rnn") ? "rnn" : "gfr");
        ResultsH5 h5 = ResultsH5.copyOf(results).remove(root);
        BinnedTrials b = r.inputs().binned();
        double perSecond = 1000 / b.binMs();
        for (RnnRateInference.Group g : r.groups()) {
            String group = root + "/" + RnnModelStore.fileName(g.name());
            int first = g.preprocessing().forecastBins();
            int steps = g.rates()[0].length;
            double[][][] rates = new double[g.trials().length][steps][];
            for (int s = 0; s < rates.length; s++) {
                for (int t = 0; t < steps; t++) {
                    rates[s][t] = java.util.Arrays.stream(g.rates()[s][t]).map(v -> Math.max(0, v) * perSecond)
                            .toArray();
                }
            }
            double[] time = new double[steps];
            for (int t = 0; t < steps; t++) {
                time[t] = b.binStartMs(first + t);
            }
            h5.dataset(group + "/rates", rates).dataset(group + "/latents", g.latents())
                    .dataset(group + "/time_ms", time)
                    .attribute(group + "/rates", "units", "spikes/s, [trial][bin][neuron]")
                    .attribute(group, "condition", g.name())
                    .attribute(group, "trials", String.join(",", g.trials().length == 0 ? List.of()
                            : java.util.Arrays.stream(g.trials()).mapToObj(k -> b.trials().ids().get(k)).toList()));
        }
        try (OutputFolder folder = OutputFolder.files(target, "results-" + root, List.of(results))) {
            h5.write(folder.staged(results));
            folder.commit();
        }
    }
}
