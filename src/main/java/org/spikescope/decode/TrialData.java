package org.spikescope.decode;

import org.spikescope.core.InputException;
import org.spikescope.rates.BinnedTrials;

import java.util.ArrayList;
import java.util.List;

/**
 * Activity per trial with one label each: {@code features[trial]} is the trial's neurons × bins flattened, and
 * {@code labels[trial]} indexes {@code classes}.
 */
public record TrialData(double[][] features, int[] labels, List<String> classes, int neurons, int bins) {

    public static TrialData of(BinnedTrials b) {
        int trials = b.trials().count();
        int neurons = b.neurons().size();
        double[][] x = new double[trials][neurons * b.bins()];
        for (int k = 0; k < trials; k++) {
            for (int t = 0; t < b.bins(); t++) {
                for (int j = 0; j < neurons; j++) {
                    x[k][j * b.bins() + t] = b.counts()[k][t][j];
                }
            }
        }
        return labelled(x, b.trials().labels(), neurons, b.bins());
    }

    private static TrialData labelled(double[][] x, List<String> labels, int neurons, int bins) {
        List<String> classes = new ArrayList<>();
        int[] y = new int[labels.size()];
        for (int k = 0; k < y.length; k++) {
            if (!classes.contains(labels.get(k))) {
                classes.add(labels.get(k));
            }
            y[k] = classes.indexOf(labels.get(k));
        }
        if (classes.size() < 2) {
            throw new InputException("the trials carry " + classes.size() + " label(s); decoding needs at least two");
        }
        return new TrialData(x, y, classes, neurons, bins);
    }

    public int trials() {
        return labels.length;
    }
}
