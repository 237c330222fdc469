package org.spikescope.decode;

import org.spikescope.core.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-fold splits of trials: contiguous blocks in trial order by default (neighbouring trials share slow drifts, so
 * shuffled folds flatter a decoder), or stratified shuffled folds that keep each label's share in every fold.
 *
 * @param test each fold's held-out trial indices, ascending
 */
public record Folds(List<int[]> test) {

    /**
     * Refuses folds whose training trials (all the others) lack a class: a decoder never shown a class scores zero
     * on it, which is no measure of the activity (contiguous folds over trials sorted by label do this).
     */
    public Folds requireEveryClassInTraining(int[] labels, List<String> classes) {
        for (int f = 0; f < test.size(); f++) {
            boolean[] held = new boolean[labels.length];
            for (int i : test.get(f)) {
                held[i] = true;
            }
            boolean[] seen = new boolean[classes.size()];
            for (int i = 0; i < labels.length; i++) {
                if (!held[i]) {
                    seen[labels[i]] = true;
                }
            }
            for (int c = 0; c < seen.length; c++) {
                if (!seen[c]) {
                    throw new InputException("parameter 'folds': fold " + (f + 1) + " of " + test.size() + " holds "
                            + "every trial labelled '" + classes.get(c) + "', so no decoder trains on that class "
                            + "(are the trials sorted by label?); use shuffleFolds=true, or fewer folds");
                }
            }
        }
        return this;
    }

    public static Folds contiguous(int trials, int k) {
        check(trials, k);
        List<int[]> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int from = (int) ((long) trials * f / k);
            int to = (int) ((long) trials * (f + 1) / k);
            int[] fold = new int[to - from];
            for (int i = 0; i < fold.length; i++) {
                fold[i] = from + i;
            }
            out.add(fold);
        }
        return new Folds(out);
    }

    /** Each label's trials are shuffled and dealt round the folds in turn. */
    public static Folds stratified(int[] labels, int k, long seed) {
        check(labels.length, k);
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            for (int m : members) {
                folds.get(next).add(m);
                next = (next + 1) % k;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> f : folds) {
            out.add(f.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return new Folds(out);
    }

    private static void check(int trials, int k) {
        if (k < 2 || k > trials) {
            throw new InputException("parameter 'folds': " + k + " folds for " + trials + " trials; need 2 to "
                    + trials);
        }
    }

    /** The trials not in fold f. */
    public int[] train(int f, int trials) {
        boolean[] held = new boolean[trials];
        for (int i : test.get(f)) {
            held[i] = true;
        }
        int[] out = new int[trials - test.get(f).length];
        int n = 0;
        for (int i = 0; i < trials; i++) {
            if (!held[i]) {
                out[n++] = i;
            }
        }
        return out;
    }
}
