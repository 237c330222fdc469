package org.spikescope.decode;

import org.spikescope.core.ProgressListener;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TextTable;
import org.spikescope.rates.BinnedTrials;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Predict Population Activity" into a folder, written atomically: {@code metrics.csv} ({@code neuron,bits_per_spike} on held-out trials, then
 * {@code all}), {@code predicted_rates.csv} ({@code trial,time_ms,<target>…}, spikes/s) and {@code populations.csv}
 * ({@code neuron,population}).
 */
public final class PopulationRun {

    private PopulationRun() {
    }

    /** @param in activity per trial ({@link ActivityFiles}) */
    public static PopulationPrediction.Result toFolder(BinnedTrials in, PopulationPrediction.Settings s, OutputTarget output,
                                                       ProgressListener progress) throws IOException {
        PopulationPrediction.Result r;
        try (OutputFolder folder = OutputFolder.bundle(output, "population")) {
            r = PopulationPrediction.run(in.counts(), in.neurons(), s, progress);
            TextTable metrics = new TextTable(List.of("neuron", "bits_per_spike"));
            for (int j = 0; j < r.target().size(); j++) {
                metrics.add(r.target().get(j), r.bitsPerSpike()[j]);
            }
            metrics.add("all", r.overall());
            metrics.write(folder.dir().resolve("metrics.csv"));
            List<String> header = new ArrayList<>(List.of("trial", "time_ms"));
            header.addAll(r.target());
            TextTable rates = new TextTable(header);
            double perSecond = 1000 / in.binMs();
            for (int k = 0; k < r.rates().length; k++) {
                for (int t = 0; t < r.rates()[k].length; t++) {
                    Object[] row = new Object[header.size()];
                    row[0] = in.trials().ids().get(k);
                    row[1] = in.binStartMs(t);
                    for (int j = 0; j < r.target().size(); j++) {
                        row[2 + j] = r.rates()[k][t][j] * perSecond;
                    }
                    rates.add(row);
                }
            }
            rates.write(folder.dir().resolve("predicted_rates.csv"));
            TextTable roles = new TextTable(List.of("neuron", "population"));
            r.source().forEach(n -> roles.add(n, "source"));
            r.target().forEach(n -> roles.add(n, "target"));
            roles.write(folder.dir().resolve("populations.csv"));
            folder.commit();
        }
        return r;
    }
}
