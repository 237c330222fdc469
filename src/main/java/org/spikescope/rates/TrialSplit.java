package org.spikescope.rates;

import org.spikescope.core.InputException;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A random split of trials into training and test sets (BlechRNN's train_test_split), the same for the same seed.
 *
 * @param train trial indices used for fitting, ascending
 * @param test  held-out trial indices, ascending
 */
public record TrialSplit(int[] train, int[] test) {

    /** @param trainFraction share of the trials used for training, in (0, 1) */
    public static TrialSplit random(int trials, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InputException("parameter 'trainTestSplit': the training share must be between 0 and 1 (got "
                    + trainFraction + ")");
        }
        int nTrain = (int) Math.round(trials * trainFraction);
        if (nTrain < 1 || nTrain >= trials) {
            throw new InputException("parameter 'trainTestSplit': " + trials + " trials split " + trainFraction
                    + " leave no training or no test trial");
        }
        int[] order = new int[trials];
        for (int i = 0; i < trials; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = trials - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] train = Arrays.copyOf(order, nTrain);
        int[] test = Arrays.copyOfRange(order, nTrain, trials);
        Arrays.sort(train);
        Arrays.sort(test);
        return new TrialSplit(train, test);
    }
}
