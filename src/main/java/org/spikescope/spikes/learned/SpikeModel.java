package org.spikescope.spikes.learned;

import java.util.List;

/**
 * A learned spike-inference model for one frame rate: an ensemble of {@link SpikeNetwork}s for each noise level
 * it was trained at. A trace is inferred by the ensemble of the level nearest its own noise level.
 *
 * @param frameRate        the frame rate it was trained at, Hz
 * @param smoothingSeconds σ of the Gaussian its spike targets were smoothed with
 * @param architecture     every network's layout
 * @param levels           noise levels ν, ascending
 * @param networks         {@code networks[level][member]}
 * @param training         where it came from (datasets, recordings, settings), for the parameter table and README
 */
public record SpikeModel(double frameRate, double smoothingSeconds, SpikeNetwork.Architecture architecture,
                         double[] levels, SpikeNetwork[][] networks, Training training) {

    /** How the model was made. */
    public record Training(List<String> datasets, int recordings, double hours, int epochs, int segments,
                           double learningRate, long seed, double seconds) {

        public Training {
            datasets = List.copyOf(datasets);
        }
    }

    public SpikeModel {
        if (levels.length == 0 || levels.length != networks.length) {
            throw new IllegalArgumentException(levels.length + " noise levels, " + networks.length + " ensembles");
        }
        for (int i = 1; i < levels.length; i++) {
            if (!(levels[i] > levels[i - 1])) {
                throw new IllegalArgumentException("noise levels must ascend");
            }
        }
        levels = levels.clone();
    }

    /** The index of the level nearest {@code noiseLevel} (the lowest or highest beyond the range). */
    public int levelFor(double noiseLevel) {
        int best = 0;
        for (int i = 1; i < levels.length; i++) {
            if (Math.abs(levels[i] - noiseLevel) < Math.abs(levels[best] - noiseLevel)) {
                best = i;
            }
        }
        return best;
    }

    /** "30 Hz, ν 3" — how a parameter table names the ensemble that ran. */
    public String describe(int level) {
        return String.format(java.util.Locale.ROOT, "%s Hz, noise level %s", trim(frameRate), trim(levels[level]));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
