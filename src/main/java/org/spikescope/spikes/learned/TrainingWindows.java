package org.spikescope.spikes.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training data for one model (one frame rate, one noise level), made from ground truth as CASCADE makes it
 * (Rupprecht et al. 2021): each recording moved to the model's frame rate ({@link Resampling}), white noise added
 * until its noise level ({@link NoiseLevel}) reaches the model's (recordings already noisier are left out), the
 * spike counts smoothed by a Gaussian of the resampled frame's scale (sum conserved), then one sample per frame:
 * the window of ΔF/F around it, and its smoothed count as the target. Windows that touch a NaN are skipped.
 *
 * @param inputs  samples × window, row-major
 * @param targets the smoothed spike count of each sample's centre frame
 */
public record TrainingWindows(int window, float[] inputs, float[] targets) {

    /**
     * @param frameRate       the model's frame rate, Hz
     * @param noiseLevel      the model's noise level ν (% ΔF/F per √Hz)
     * @param window          frames per sample; the centre frame is {@code window / 2}
     * @param smoothingFrames σ of the Gaussian applied to the spike counts, in frames at {@code frameRate}
     * @param replicates      noisy copies of each recording (different noise each)
     * @param maxSamples      at most this many samples, drawn evenly at random from all (the rest dropped)
     */
    public record Recipe(double frameRate, double noiseLevel, int window, double smoothingFrames, int replicates,
                         int maxSamples) {
    }

    public int samples() {
        return targets.length;
    }

    public static TrainingWindows make(List<GroundTruthSet.Recording> recordings, Recipe recipe, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[][]> traces = new ArrayList<>(); // {noisy dff, smoothed spikes} per recording and replicate
        long total = 0;
        for (GroundTruthSet.Recording r : recordings) {
            Prepared p = Prepared.of(r, recipe);
            for (int k = 0; p != null && k < recipe.replicates(); k++) {
                traces.add(new double[][] {p.noisy(recipe, random), p.spikes()});
                total += Math.max(0, p.dff().length - recipe.window() + 1);
            }
        }
        double keep = total <= recipe.maxSamples() ? 1 : recipe.maxSamples() / (double) total;
        int w = recipe.window();
        int centre = w / 2;
        FloatList inputs = new FloatList();
        FloatList targets = new FloatList();
        for (double[][] pair : traces) {
            double[] dff = pair[0];
            int nan = -1; // last NaN frame seen
            for (int i = 0; i < w - 1 && i < dff.length; i++) {
                nan = Double.isNaN(dff[i]) ? i : nan;
            }
            for (int t = 0; t + w <= dff.length; t++) {
                nan = Double.isNaN(dff[t + w - 1]) ? t + w - 1 : nan;
                if (nan >= t || random.nextDouble() >= keep || targets.size() >= recipe.maxSamples()) {
                    continue;
                }
                for (int i = 0; i < w; i++) {
                    inputs.add((float) dff[t + i]);
                }
                targets.add((float) pair[1][t + centre]);
            }
        }
        return new TrainingWindows(w, inputs.toArray(), targets.toArray());
    }

    /**
     * One recording at the recipe's frame rate, {@code own} its noise level there, {@code spikes} its smoothed
     * counts; noisy copies at the recipe's level come from {@link #noisy}.
     */
    record Prepared(double[] dff, double own, double[] spikes) {

        /** Null when the recording is noisier than the recipe's level already. */
        static Prepared of(GroundTruthSet.Recording r, Recipe recipe) {
            double[] dff = Resampling.trace(r.dff(), r.frameRate(), recipe.frameRate());
            double own = NoiseLevel.of(dff, recipe.frameRate());
            if (!(own <= recipe.noiseLevel())) {
                return null;
            }
            return new Prepared(dff, own, smoothed(Resampling.counts(r.spikes(), r.frameRate(), recipe.frameRate()),
                    recipe.smoothingFrames()));
        }

        /** ΔF/F with white noise added to reach the recipe's level (noise levels add in quadrature). */
        double[] noisy(Recipe recipe, SplittableRandom random) {
            double sigma = NoiseLevel.sigmaOf(Math.sqrt(recipe.noiseLevel() * recipe.noiseLevel() - own * own),
                    recipe.frameRate());
            double[] out = new double[dff.length];
            for (int t = 0; t < dff.length; t++) {
                out[t] = dff[t] + sigma * random.nextGaussian();
            }
            return out;
        }
    }

    /** Counts convolved with a normalised Gaussian of σ {@code sigmaFrames} (cut at 4σ): the sum is kept. */
    static double[] smoothed(double[] counts, double sigmaFrames) {
        if (sigmaFrames <= 0) {
            return counts.clone();
        }
        int half = (int) Math.ceil(4 * sigmaFrames);
        double[] kernel = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            kernel[i + half] = Math.exp(-0.5 * i * i / (sigmaFrames * sigmaFrames));
            sum += kernel[i + half];
        }
        double[] out = new double[counts.length];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] == 0) {
                continue;
            }
            // spread each count; what would fall off either end is folded back so that nothing is lost
            for (int i = -half; i <= half; i++) {
                int u = Math.min(counts.length - 1, Math.max(0, t + i));
                out[u] += counts[t] * kernel[i + half] / sum;
            }
        }
        return out;
    }

    /** A growable float array (samples can run to millions). */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
