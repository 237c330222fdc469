package org.spikescope.decode;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.AtomicFolder;
import org.spikescope.io.TextTable;
import org.spikescope.io.TrialTables;
import org.spikescope.rates.BinnedTrials;
import org.spikescope.rates.SpikeFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Predict Population Activity" from files (a spikes CSV with trials, or an HDF5 trials × neurons × bins dataset)
 * into a folder, written atomically: {@code metrics.csv} ({@code neuron,bits_per_spike} on held-out trials, then
 * {@code all}), {@code predicted_rates.csv} ({@code trial,time_ms,<target>…}, spikes/s) and {@code populations.csv}
 * ({@code neuron,population}).
 */
public final class PopulationRun {

    private PopulationRun() {
    }

    public record Input(double[][][] counts, List<String> neurons, List<String> trialIds, double fromMs,
                        double binMs) {
    }

    public static Input read(Path input, Path trials, String spikesDataset, double[] window, double binMs)
            throws IOException {
        if (input == null) {
            throw new InputException("parameter 'input': no file given");
        }
        String name = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            TrialData d = TrialData.fromHdf5(input, spikesDataset, null);
            List<String> neurons = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < d.neurons(); j++) {
                neurons.add(String.format("cell_%03d", j + 1));
            }
            for (int k = 0; k < d.trials(); k++) {
                ids.add(String.valueOf(k + 1));
            }
            return new Input(d.counts(), neurons, ids, 0, binMs);
        }
        if (trials == null) {
            throw new InputException("parameter 'trials': a trials CSV (trial,start_s,label) is needed with a spikes "
                    + "CSV");
        }
        BinnedTrials b = SpikeFiles.read(input).bin(TrialTables.read(trials), window[0], window[1], binMs);
        return new Input(b.counts(), b.neurons(), b.trials().ids(), window[0], binMs);
    }

    public static PopulationPrediction.Result toFolder(Input in, PopulationPrediction.Settings s, Path output,
                                                       ProgressListener progress) throws IOException {
        PopulationPrediction.Result r = PopulationPrediction.run(in.counts(), in.neurons(), s, progress);
        try (AtomicFolder folder = AtomicFolder.create(output)) {
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
                    row[0] = in.trialIds().get(k);
                    row[1] = in.fromMs() + t * in.binMs();
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
