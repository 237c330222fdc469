package org.spikescope.math;

/**
 * Adam (Kingma & Ba 2015) on a plain parameter vector, with PyTorch's conventions: bias-corrected moments, ε added to
 * the corrected second moment's square root; β₁ 0.9, β₂ 0.999, ε 1e-8.
 */
public final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private int steps;

    public Adam(int parameters, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[parameters];
        this.v = new double[parameters];
    }

    /** One step against {@code gradient}; parameters marked fixed (may be null) stay as they are. */
    public void step(double[] params, double[] gradient, boolean[] fixed) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < params.length; i++) {
            if (fixed != null && fixed[i]) {
                continue;
            }
            m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
            params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }
}
