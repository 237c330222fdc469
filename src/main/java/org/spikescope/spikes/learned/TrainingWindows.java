package org.spikescope.spikes.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training data for one model (one frame rate, one noise level), made from ground truth as CASCADE makes it
 * (Rupprecht et al. 2021): each recording moved to the model's frame rate ({@link Resampling}), white noise added
 * until its noise level ({@link NoiseLevel}) reaches the model's (recordings already noisier are left out), the
 * spike counts smoothed by a Gaussian of the resampled frame's scale (sum conserved). Samples are segments of
 * {@code window} frames starting every {@code stride} frames: ΔF/F as input, the smoothed counts of every frame as
 * targets (the network is fully convolutional, see {@link SpikeNetwork}). Segments that touch a NaN are skipped;
 * datasets with more segments than an equal share of the total are thinned to it, so that none dominates.
 *
 * @param inputs  samples × window, row-major
 * @param targets samples × window, the smoothed spike counts of the same frames
 */
public record TrainingWindows(int window, float[] inputs, float[] targets) {

    /**
     * @param frameRate       the model's frame rate, Hz
     * @param noiseLevel      the model's noise level ν (% ΔF/F per √Hz)
     * @param window          frames per sample
     * @param stride          frames between the starts of consecutive samples of a recording
     * @param smoothingFrames σ of the Gaussian applied to the spike counts, in frames at {@code frameRate}
     * @param replicates      noisy copies of each recording (different noise each)
     * @param maxSamples      at most this many samples, drawn at random; a dataset gives at most an equal share
     */
    public record Recipe(double frameRate, double noiseLevel, int window, int stride, double smoothingFrames,
                         int replicates, int maxSamples) {
    }

    public int samples() {
        return inputs.length / window;
    }

    /** Sample {@code i}'s input frames. */
    public float[] input(int i) {
        return java.util.Arrays.copyOfRange(inputs, i * window, (i + 1) * window);
    }

    /** Sample {@code i}'s targets. */
    public float[] target(int i) {
        return java.util.Arrays.copyOfRange(targets, i * window, (i + 1) * window);
    }

    public static TrainingWindows make(List<GroundTruthSet.Recording> recordings, Recipe recipe, long seed) {
        return fromPrepared(prepare(recordings, recipe), recipe, seed);
    }

    /** The recordings at the recipe's frame rate with smoothed targets: shared by every noise level of a model. */
    public static List<Prepared> prepare(List<GroundTruthSet.Recording> recordings, Recipe recipe) {
        List<Prepared> out = new ArrayList<>();
        for (GroundTruthSet.Recording r : recordings) {
            out.add(Prepared.of(r, recipe));
        }
        return out;
    }

    /** As {@link #make(List, Recipe, long)}, from recordings prepared at the recipe's rate and smoothing. */
    public static TrainingWindows fromPrepared(List<Prepared> prepared, Recipe recipe, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[][]> traces = new ArrayList<>(); // {noisy dff, smoothed spikes} per recording and replicate
        List<String> datasetOf = new ArrayList<>();
        java.util.Map<String, Long> perDataset = new java.util.TreeMap<>();
        int w = recipe.window();
        for (Prepared p : prepared) {
            for (int k = 0; p.own() <= recipe.noiseLevel() && k < recipe.replicates(); k++) {
                traces.add(new double[][] {p.noisy(recipe, random), p.spikes()});
                datasetOf.add(p.dataset());
                long segments = p.dff().length < w ? 0 : (p.dff().length - w) / recipe.stride() + 1;
                perDataset.merge(p.dataset(), segments, Long::sum);
            }
        }
        // balanced as CASCADE balances: no dataset gives more than an equal share of the samples
        double share = recipe.maxSamples() / (double) Math.max(1, perDataset.size());
        java.util.Map<String, Double> keep = new java.util.HashMap<>();
        perDataset.forEach((d, n) -> keep.put(d, n <= share ? 1 : share / n));
        FloatList inputs = new FloatList();
        FloatList targets = new FloatList();
        int samples = 0;
        for (int k = 0; k < traces.size(); k++) {
            double[][] pair = traces.get(k);
            double keepHere = keep.get(datasetOf.get(k));
            double[] dff = pair[0];
            int nan = -1; // last NaN frame seen
            int seen = 0; // frames scanned for NaN so far
            for (int t = 0; t + w <= dff.length; t += recipe.stride()) {
                for (; seen < t + w; seen++) {
                    nan = Double.isNaN(dff[seen]) ? seen : nan;
                }
                if (nan >= t || random.nextDouble() >= keepHere || samples >= recipe.maxSamples()) {
                    continue;
                }
                for (int i = 0; i < w; i++) {
                    inputs.add((float) dff[t + i]);
                    targets.add((float) pair[1][t + i]);
                }
                samples++;
            }
        }
        return new TrainingWindows(w, inputs.toArray(), targets.toArray());
    }

    /**
     * One recording at the recipe's frame rate, {@code own} its noise level there (NaN-free pairs; a recording
     * with none is never used), {@code spikes} its smoothed counts; noisy copies at a level come from {@link #noisy}.
     */
    public record Prepared(String dataset, double[] dff, double own, double[] spikes) {

        /** Used by a recipe only when {@code own} is at most its level (noise can be added, not taken away). */
        static Prepared of(GroundTruthSet.Recording r, Recipe recipe) {
            double[] dff = Resampling.trace(r.dff(), r.frameRate(), recipe.frameRate());
            double[] counts = Resampling.counts(r.spikes(), r.frameRate(), recipe.frameRate());
            return new Prepared(r.dataset(), dff, NoiseLevel.of(dff, recipe.frameRate()),
                    smoothed(counts, recipe.smoothingFrames()));
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
