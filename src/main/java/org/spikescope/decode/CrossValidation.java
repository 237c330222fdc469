package org.spikescope.decode;

import org.spikescope.core.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Out-of-fold predictions: for each fold the decoder is fitted on the other folds' trials only (with class
 * balancing, minority classes' training trials repeated until every class counts as many as the largest) and
 * predicts the fold's trials.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    public static int[] predict(Decoder decoder, double[][] x, int[] y, int classes, Folds folds, boolean balance,
                                ProgressListener progress) {
        int[] predicted = new int[y.length];
        for (int f = 0; f < folds.test().size(); f++) {
            progress.checkCancelled();
            int[] train = balance ? balanced(folds.train(f, y.length), y, classes) : folds.train(f, y.length);
            double[][] tx = new double[train.length][];
            int[] ty = new int[train.length];
            for (int i = 0; i < train.length; i++) {
                tx[i] = x[train[i]];
                ty[i] = y[train[i]];
            }
            Decoder.Fitted fitted = decoder.fit(tx, ty, classes);
            for (int k : folds.test().get(f)) {
                predicted[k] = fitted.predict(x[k]);
            }
        }
        return predicted;
    }

    /** Training trials with each class's trials repeated in turn up to the largest class's count. */
    static int[] balanced(int[] train, int[] y, int classes) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int k : train) {
            byClass.get(y[k]).add(k);
        }
        int largest = byClass.stream().mapToInt(List::size).max().orElse(0);
        List<Integer> out = new ArrayList<>();
        for (List<Integer> members : byClass) {
            for (int i = 0; i < (members.isEmpty() ? 0 : largest); i++) {
                out.add(members.get(i % members.size()));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static double accuracy(int[] y, int[] predicted) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += y[i] == predicted[i] ? 1 : 0;
        }
        return right / (double) y.length;
    }

    /** The mean over classes of the share of each class's trials decoded right. */
    public static double balancedAccuracy(int[] y, int[] predicted, int classes) {
        int[][] c = confusion(y, predicted, classes);
        double sum = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            int n = 0;
            for (int v : c[k]) {
                n += v;
            }
            if (n > 0) {
                sum += c[k][k] / (double) n;
                present++;
            }
        }
        return sum / present;
    }

    /** {@code [true class][predicted class]} counts. */
    public static int[][] confusion(int[] y, int[] predicted, int classes) {
        int[][] c = new int[classes][classes];
        for (int i = 0; i < y.length; i++) {
            c[y[i]][predicted[i]]++;
        }
        return c;
    }
}
