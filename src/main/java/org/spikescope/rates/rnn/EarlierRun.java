package org.spikescope.rates.rnn;

import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;
import org.spikescope.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scores of another rate model's run (its output folder), to put beside this run's in one table: only when it
 * held out exactly the same trials, which its saved models record.
 */
final class EarlierRun {

    private EarlierRun() {
    }

    static List<RateComparison.Score> scores(Path folder, List<RnnRateInference.Group> groups, String ours)
            throws IOException {
        Path metrics = folder.resolve("metrics.csv");
        if (!Files.isRegularFile(metrics)) {
            throw new InputException("parameter 'compareWith': " + folder + " holds no metrics.csv (expected the "
                    + "output folder of an \"Infer Firing Rates\" run)");
        }
        for (RnnRateInference.Group g : groups) {
            Path saved = folder.resolve(RnnOutputs.MODEL_DIR).resolve(RnnModelStore.fileName(g.name()) + ".json");
            if (!Files.isRegularFile(saved)) {
                throw new InputException("parameter 'compareWith': " + folder + " has no model for condition '"
                        + g.name() + "' (separateConditions must agree)");
            }
            RnnModelStore.Saved other = Json.MAPPER.readValue(saved.toFile(), RnnModelStore.Saved.class);
            if (!Arrays.equals(other.test(), g.test())) {
                throw new InputException("parameter 'compareWith': " + folder + " held out other trials for condition '"
                        + g.name() + "'; use the same trials, timeLims, trainTestSplit and seed to compare");
            }
        }
        CsvRows rows = CsvRows.read(metrics);
        int model = rows.require("model");
        int bits = rows.require("bits_per_spike");
        int mse = rows.require("mse");
        List<RateComparison.Score> out = new ArrayList<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            String name = rows.rows().get(r)[model];
            if (!List.of("smoothing", "psth", ours).contains(name)) {
                out.add(new RateComparison.Score(name, rows.number(r, bits), rows.number(r, mse)));
            }
        }
        return out;
    }
}
