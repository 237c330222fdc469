package org.spikescope.decode;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;

/** Gradient-boosted trees (XGBoost4J, softmax objective) on the flattened bins; one thread, seeded. */
public final class BoostedTreesDecoder implements Decoder {

    private final int rounds;
    private final int maxDepth;
    private final double learningRate;
    private final long seed;

    public BoostedTreesDecoder(int rounds, int maxDepth, double learningRate, long seed) {
        this.rounds = rounds;
        this.maxDepth = maxDepth;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public Fitted fit(double[][] x, int[] y, int classes) {
        try {
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i];
            }
            DMatrix train = matrix(x);
            train.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "multi:softmax");
            params.put("num_class", classes);
            params.put("max_depth", maxDepth);
            params.put("eta", learningRate);
            params.put("nthread", 1);
            params.put("seed", seed);
            params.put("verbosity", 0);
            Booster booster = XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
            train.dispose();
            return features -> {
                try {
                    DMatrix one = matrix(new double[][] {features});
                    float[][] predicted = booster.predict(one);
                    one.dispose();
                    return (int) predicted[0][0];
                } catch (XGBoostError e) {
                    throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
                }
            };
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    private static DMatrix matrix(double[][] x) throws XGBoostError {
        int d = x[0].length;
        float[] flat = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) x[i][j];
            }
        }
        return new DMatrix(flat, x.length, d, Float.NaN);
    }
}
