package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.spikes.learned.GroundTruthSet;
import org.spikescope.spikes.learned.ShippedModels;
import org.spikescope.spikes.learned.SpikeModel;
import org.spikescope.spikes.learned.SpikeModelFiles;
import org.spikescope.spikes.learned.SpikeModelTraining;
import org.spikescope.spikes.learned.TrainingSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the models the plugin ships (src/main/resources/org/spikescope/spikes/models) from all 31 ground-truth
 * datasets in ../shared/data less the interneuron ones (models for excitatory cells, as CASCADE's global EXC models),
 * with {@link TrainingSettings#defaults}; prints the training time of each.
 * Run: java -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.ShippedSpikeModels
 * [rate ...] (default: every shipped rate)
 */
public final class ShippedSpikeModels {

    private ShippedSpikeModels() {
    }

    public static void main(String[] args) throws Exception {
        List<GroundTruthSet.Recording> all = new ArrayList<>();
        for (String root : new String[] {"../shared/data/groundtruth-train", "../shared/data/groundtruth"}) {
            for (GroundTruthSet.Recording r : GroundTruthSet.readAll(Path.of(root), Set.of())) {
                if (!GroundTruthSet.isInterneuronDataset(r.dataset())) {
                    all.add(r);
                }
            }
        }
        Path dir = Path.of("src/main/resources/org/spikescope/spikes/models");
        Files.createDirectories(dir);
        double[] rates = args.length == 0 ? ShippedModels.RATES
                : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        for (double rate : rates) {
            SpikeModel m = SpikeModelTraining.train(all, TrainingSettings.defaults(rate), new ProgressListener() {
                @Override
                public void stage(String name) {
                    System.out.println(ShippedModels.name(rate) + ": " + name);
                }

                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            SpikeModelFiles.write(m, dir.resolve(ShippedModels.name(rate) + ".json"));
            System.out.printf("%s: %d recordings of %d datasets, trained in %.0f s%n", ShippedModels.name(rate),
                    m.training().recordings(), m.training().datasets().size(), m.training().seconds());
        }
    }
}
