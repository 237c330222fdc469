package org.spikescope.rates.rnn;

import java.util.List;

import org.spikescope.core.Workers;

/**
 * A recurrent rate model that runs whole batches of sequences on plain arrays, forward and back through time, with
 * all its weights in one flat vector: what {@link SequenceModelLayer} hands to DL4J. Arrays are row-major
 * {@code [sequence][step][feature]}.
 */
public interface SequenceModel {

    int parameterCount();

    int inputs();

    int outputs();

    /** Initial weights, reproducible from the seed. */
    void initialise(double[] params, long seed);

    /**
     * @param training draw dropout masks, if the model has dropout
     * @param maskSeed seeds the masks
     * @param workers  splits the sequences between threads; null runs on the calling thread
     * @param reuse    an earlier pass whose buffers may be reused, or null
     */
    Pass forward(double[] params, double[] x, int sequences, int steps, boolean training, long maskSeed,
                 Workers workers, Pass reuse);

    /**
     * Back-propagates {@code dy}, the loss gradient for every output of the pass.
     *
     * @param gradient receives the parameter gradient (overwritten)
     * @param dx       receives the input gradient (overwritten); null when not needed
     */
    void backward(double[] params, Pass pass, double[] dy, double[] gradient, double[] dx, Workers workers);

    /**
     * The training loss of outputs against targets (the mean over every output), filling {@code dy} with its
     * gradient when not null: mean squared error unless the model says otherwise.
     */
    default double loss(double[] outputs, double[] targets, double[] dy) {
        return AutoencoderRnn.meanSquaredError(outputs, targets, dy);
    }

    /** The activations of one forward call. */
    interface Pass {

        /** {@code [sequence][step][output]}. */
        double[] outputs();

        /** The model's latent state per step, {@code [sequence][step][factor]}. */
        double[] latents();
    }

    /**
     * What a model is, stored as its kind (see {@link #specType}) and JSON (so a record of plain fields), and built
     * again from them.
     */
    interface Spec {
        SequenceModel build();
    }

    /**
     * The spec class of a model kind named in a file (its simple or full class name), from a fixed list: a name read
     * from a file never loads a class.
     */
    static Class<? extends Spec> specType(String kind) {
        for (Class<? extends Spec> type : List.of(AutoencoderRnn.Spec.class, PoissonRnn.Spec.class,
                org.spikescope.rates.gfr.GfrNetwork.Spec.class)) {
            if (type.getName().equals(kind) || type.getSimpleName().equals(kind)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + kind + "'");
    }
}
