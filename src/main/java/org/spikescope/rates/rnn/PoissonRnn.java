package org.spikescope.rates.rnn;

import org.spikescope.core.Workers;

/**
 * BlechRNN's network predicting spike counts directly: its outputs are log expected counts per bin, scored by the
 * Poisson negative log-likelihood (rate − count·log rate, mean over every output), as population-to-population
 * prediction needs.
 */
public final class PoissonRnn implements SequenceModel {

    /** As stored with a model. */
    public record Spec(int inputs, int hidden, int outputs, double dropout) implements SequenceModel.Spec {
        @Override
        public PoissonRnn build() {
            return new PoissonRnn(new AutoencoderRnn(inputs, hidden, outputs, dropout));
        }
    }

    private final AutoencoderRnn network;

    private PoissonRnn(AutoencoderRnn network) {
        this.network = network;
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public int inputs() {
        return network.inputs();
    }

    @Override
    public int outputs() {
        return network.outputs();
    }

    @Override
    public void initialise(double[] params, long seed) {
        network.initialise(params, seed);
    }

    @Override
    public Pass forward(double[] params, double[] x, int sequences, int steps, boolean training, long maskSeed,
                        Workers workers, Pass reuse) {
        return network.forward(params, x, sequences, steps, training, maskSeed, workers, reuse);
    }

    @Override
    public void backward(double[] params, Pass pass, double[] dy, double[] gradient, double[] dx, Workers workers) {
        network.backward(params, pass, dy, gradient, dx, workers);
    }

    /** d/dη of exp(η) − y·η is exp(η) − y. */
    @Override
    public double loss(double[] logRates, double[] counts, double[] dy) {
        double sum = 0;
        for (int i = 0; i < logRates.length; i++) {
            double rate = Math.exp(logRates[i]);
            sum += rate - counts[i] * logRates[i];
            if (dy != null) {
                dy[i] = (rate - counts[i]) / logRates.length;
            }
        }
        return sum / logRates.length;
    }
}
