package org.spikescope.rates.rnn;

/**
 * Training and held-out losses (MSE on the forecast components, dropout off for both so that they compare) at
 * evaluation steps.
 */
public record LossCurve(int[] steps, double[] train, double[] test) {

    /**
     * BlechRNN's check: a final training loss above the final test loss suggests something odd with the split or
     * the PCA.
     */
    public boolean trainAboveTest() {
        int last = steps.length - 1;
        return last >= 0 && train[last] > test[last];
    }
}
