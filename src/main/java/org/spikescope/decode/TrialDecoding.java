package org.spikescope.decode;

import org.spikescope.core.ProgressListener;

import java.util.SplittableRandom;

/** Cross-validated decoding of trial labels with a permutation test of the balanced accuracy. */
public final class TrialDecoding {

    private TrialDecoding() {
    }

    public static DecodingResult run(Decoder decoder, TrialData data, Folds folds, boolean balance, int permutations,
                                     long seed, ProgressListener progress) {
        int classes = data.classes().size();
        int[] y = data.labels();
        int[] predicted = CrossValidation.predict(decoder, data.features(), y, classes, folds, balance, progress);
        double balanced = CrossValidation.balancedAccuracy(y, predicted, classes);
        SplittableRandom rng = new SplittableRandom(seed);
        double chance = 0;
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            progress.progress(p, permutations);
            int[] shuffled = y.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            int[] guess = CrossValidation.predict(decoder, data.features(), shuffled, classes, folds, balance,
                    progress);
            double b = CrossValidation.balancedAccuracy(shuffled, guess, classes);
            chance += b / permutations;
            atLeast += b >= balanced ? 1 : 0;
        }
        return new DecodingResult(decoder.name(), predicted, CrossValidation.accuracy(y, predicted), balanced,
                CrossValidation.confusion(y, predicted, classes), permutations > 0 ? chance : 1.0 / classes,
                (1.0 + atLeast) / (1.0 + permutations));
    }
}
