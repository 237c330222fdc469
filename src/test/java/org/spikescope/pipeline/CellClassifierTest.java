package org.spikescope.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cell classifier learns what separates the cells a user rejected, and keeps it as a checked JSON file. */
class CellClassifierTest {

    /** Cells as features: false ones (a fifth) flat-traced and ragged, true ones skewed and round; one unknown. */
    private static double[][] cells(int n, SplittableRandom rng, boolean[] reject) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            reject[i] = rng.nextDouble() < 0.2;
            double shift = reject[i] ? -1.5 : 0;
            x[i] = new double[]{4.5 + 0.3 * rng.nextGaussian(), 0.8 + 0.1 * (rng.nextGaussian() + shift),
                    0.7 + 0.1 * rng.nextGaussian(), 2 + rng.nextGaussian() + shift,
                    10 + 3 * rng.nextGaussian(), rng.nextDouble() < 0.5 ? Double.NaN : 3 + rng.nextGaussian(),
                    0.5 + 0.2 * rng.nextGaussian()};
        }
        return x;
    }

    /** {precision, recall} of a rule's rejections. */
    private static double[] score(double[][] x, boolean[] truth, java.util.function.Predicate<double[]> rejects) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < x.length; i++) {
            boolean r = rejects.test(x[i]);
            tp += r && truth[i] ? 1 : 0;
            fp += r && !truth[i] ? 1 : 0;
            fn += !r && truth[i] ? 1 : 0;
        }
        return new double[]{tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn)};
    }

    /** log N(x; a, sd) − log N(x; b, sd). */
    private static double gaussianLlr(double x, double a, double b, double sd) {
        return ((x - b) * (x - b) - (x - a) * (x - a)) / (2 * sd * sd);
    }

    @Test
    void rejectionsOfHeldOutCellsFollowTheTrainingDecisions(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        boolean[] train = new boolean[300];
        CellClassifier c = CellClassifier.fit(cells(300, rng, train), train, List.of("synthetic"));
        boolean[] truth = new boolean[300];
        double[][] test = cells(300, rng, truth);
        double[] learned = score(test, truth, x -> c.rejection(x) >= c.threshold());
        // the best any rule can do here: the generative model's own posterior (compactness and skewness informative)
        double[] bayes = score(test, truth, x -> {
            double llr = gaussianLlr(x[1], 0.8 - 0.15, 0.8, 0.1) + gaussianLlr(x[3], 2 - 1.5, 2, 1);
            return llr + Math.log(0.2 / 0.8) >= 0;
        });
        System.out.printf("synthetic held-out cells: precision %.3f, recall %.3f (the true model's posterior: %.3f, "
                + "%.3f)%n", learned[0], learned[1], bayes[0], bayes[1]);
        assertTrue(learned[0] > bayes[0] - 0.1 && learned[1] > bayes[1] - 0.1, "learned " + learned[0] + ", "
                + learned[1] + " against " + bayes[0] + ", " + bayes[1]);

        Path file = dir.resolve("classifier.json");
        c.save(file);
        CellClassifier back = CellClassifier.load(file);
        assertEquals(c.rejection(test[0]), back.rejection(test[0]), 1e-12);
        Files.writeString(dir.resolve("other.json"), "{\"format\": 1, \"features\": [\"area\"]}");
        InputException e = assertThrows(InputException.class, () -> CellClassifier.load(dir.resolve("other.json")));
        assertTrue(e.getMessage().contains("other.json") && e.getMessage().contains("Train Cell Classifier"),
                e.getMessage());
    }
}
