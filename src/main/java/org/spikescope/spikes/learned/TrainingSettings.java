package org.spikescope.spikes.learned;

import org.spikescope.core.InputException;

/**
 * How a spike-inference model is trained (see {@link SpikeModelTraining}).
 *
 * @param frameRate         the model's frame rate, Hz
 * @param levels            the noise levels ν to train an ensemble for, ascending
 * @param networksPerLevel  networks per ensemble (each sees its own noise and order)
 * @param architecture      each network's layout
 * @param epochs            passes over the training segments
 * @param batch             segments per Adam step
 * @param learningRate      Adam's step size
 * @param segments          at most this many training segments per network
 * @param scoredFrames      frames scored per segment (the segment adds the network's reach at either end)
 * @param smoothingSeconds  σ of the Gaussian the spike targets are smoothed with (at least 1.5 frames are used)
 * @param seed              the random seed (noise, order, initial weights)
 */
public record TrainingSettings(double frameRate, double[] levels, int networksPerLevel,
                               SpikeNetwork.Architecture architecture, int epochs, int batch, double learningRate,
                               int segments, int scoredFrames, double smoothingSeconds, long seed) {

    public TrainingSettings {
        levels = levels.clone();
    }

    /**
     * The shipped models' recipe at {@code frameRate}. The network sees ±1.5 s at 30 Hz; above 45 Hz its
     * dilations grow with the rate so that it sees as many seconds.
     */
    public static TrainingSettings defaults(double frameRate) {
        int scale = (int) Math.max(1, Math.round(frameRate / 30));
        int[] dilations = {scale, 2 * scale, 4 * scale, 8 * scale};
        return new TrainingSettings(frameRate, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1,
                new SpikeNetwork.Architecture(16, 7, dilations), 2, 64, 1e-3, 5000, 128, 0.1, 1);
    }

    public TrainingSettings withLevels(double... newLevels) {
        return new TrainingSettings(frameRate, newLevels, networksPerLevel, architecture, epochs, batch, learningRate,
                segments, scoredFrames, smoothingSeconds, seed);
    }

    /** σ of the target smoothing in frames at the model's rate. */
    public double smoothingFrames() {
        return Math.max(1.5, smoothingSeconds * frameRate);
    }

    public TrainingWindows.Recipe recipe(double level) {
        int window = scoredFrames + 2 * architecture.reach();
        return new TrainingWindows.Recipe(frameRate, level, window, scoredFrames, smoothingFrames(), 1, segments);
    }

    public TrainingSettings validate() {
        check(frameRate > 0 && frameRate <= 1000, "frameRate", "a frame rate in Hz, above 0 and up to 1000");
        check(levels.length > 0, "noiseLevels", "one noise level or more");
        for (int i = 0; i < levels.length; i++) {
            check(levels[i] > 0 && levels[i] <= 100 && (i == 0 || levels[i] > levels[i - 1]), "noiseLevels",
                    "ascending noise levels above 0 (% ΔF/F per √Hz; CASCADE's range is 1 to 9)");
        }
        check(networksPerLevel >= 1 && networksPerLevel <= 20, "networksPerLevel", "1 to 20");
        check(epochs >= 1 && epochs <= 1000, "epochs", "1 to 1000");
        check(batch >= 1 && batch <= 4096, "batch", "1 to 4096");
        check(learningRate > 0 && learningRate < 1, "learningRate", "above 0 and below 1");
        check(segments >= 1, "segments", "1 or more");
        check(scoredFrames >= 8, "scoredFrames", "8 or more");
        check(smoothingSeconds >= 0 && smoothingSeconds < 10, "smoothing", "0 to 10 seconds");
        return this;
    }

    private static void check(boolean ok, String parameter, String expected) {
        if (!ok) {
            throw new InputException("parameter '" + parameter + "': expected " + expected);
        }
    }
}
