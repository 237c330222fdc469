package org.spikescope.spikes.learned;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Trains a {@link SpikeModel} from ground truth: for each noise level an ensemble of networks, each on its own
 * noisy copy of the training segments ({@link TrainingWindows}), by Adam on mini-batches in a fresh random order
 * every epoch. Progress counts batches; cancelling stops between two.
 */
public final class SpikeModelTraining {

    private SpikeModelTraining() {
    }

    public static SpikeModel train(List<GroundTruthSet.Recording> recordings, TrainingSettings s,
                                   ProgressListener progress) {
        s.validate();
        long started = System.nanoTime();
        double[] levels = s.levels();
        SpikeNetwork[][] networks = new SpikeNetwork[levels.length][s.networksPerLevel()];
        long totalBatches = (long) levels.length * s.networksPerLevel() * s.epochs()
                * Math.max(1, (s.segments() + s.batch() - 1) / s.batch());
        long done = 0;
        int segmentsUsed = 0;
        progress.stage("Preparing the ground truth at " + s.frameRate() + " Hz");
        List<TrainingWindows.Prepared> prepared = TrainingWindows.prepare(recordings, s.recipe(levels[0]));
        for (int l = 0; l < levels.length; l++) {
            for (int m = 0; m < s.networksPerLevel(); m++) {
                progress.stage(String.format(java.util.Locale.ROOT, "Training noise level %s, network %d of %d",
                        levels[l], m + 1, s.networksPerLevel()));
                long seed = s.seed() * 1_000_003L + l * 1_009L + m;
                TrainingWindows data = TrainingWindows.fromPrepared(prepared, s.recipe(levels[l]), seed);
                if (data.samples() == 0) {
                    throw new InputException("no ground-truth recording is long enough and quiet enough for noise level "
                            + levels[l] + " at " + s.frameRate() + " Hz (segments of " + s.recipe(levels[l]).window()
                            + " frames without NaN are needed)");
                }
                segmentsUsed = Math.max(segmentsUsed, data.samples());
                SpikeNetwork net = SpikeNetwork.create(s.architecture(), s.learningRate(), seed);
                SplittableRandom random = new SplittableRandom(seed);
                for (int e = 0; e < s.epochs(); e++) {
                    int[] order = shuffled(data.samples(), random);
                    for (int b = 0; b < order.length; b += s.batch()) {
                        progress.checkCancelled();
                        int size = Math.min(s.batch(), order.length - b);
                        float[][] x = new float[size][];
                        float[][] y = new float[size][];
                        for (int i = 0; i < size; i++) {
                            x[i] = data.input(order[b + i]);
                            y[i] = data.target(order[b + i]);
                        }
                        net.step(x, y);
                        progress.progress(++done, totalBatches);
                    }
                }
                networks[l][m] = net;
            }
        }
        TreeSet<String> datasets = new TreeSet<>();
        double hours = 0;
        for (GroundTruthSet.Recording r : recordings) {
            datasets.add(r.dataset());
            hours += r.seconds() / 3600;
        }
        SpikeModel.Training t = new SpikeModel.Training(List.copyOf(datasets), recordings.size(), hours, s.epochs(),
                segmentsUsed, s.learningRate(), s.seed(), (System.nanoTime() - started) / 1e9);
        return new SpikeModel(s.frameRate(), s.smoothingFrames() / s.frameRate(), s.architecture(), levels, networks,
                t);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
