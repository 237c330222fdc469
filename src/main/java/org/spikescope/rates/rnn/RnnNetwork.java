package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.spikescope.core.Workers;


/**
 * A rate model as a DL4J network of one layer, a {@link SequenceModelLayer} (BlechRNN's network by default), which
 * is also the output layer (MSE), trained full batch by Adam. Arrays are {@code [sequence][step][feature]} on the way in and out.
 */
public final class RnnNetwork {

    private final MultiLayerNetwork network;
    private final int steps;

    private RnnNetwork(MultiLayerNetwork network, int steps) {
        this.network = network;
        this.steps = steps;
    }

    public static RnnNetwork create(int inputs, int hidden, int outputs, double dropout, double learningRate,
                                    int steps, long seed) {
        return create(new AutoencoderRnn.Spec(inputs, hidden, outputs, dropout), learningRate, steps, seed);
    }

    public static RnnNetwork create(SequenceModel.Spec spec, double learningRate, int steps, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new Adam(learningRate))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new SequenceModelLayer(spec, seed))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new RnnNetwork(network, steps);
    }

    /** A network of {@code spec} with the given weights (in {@link #parameters()}'s order). */
    public static RnnNetwork restore(SequenceModel.Spec spec, double learningRate, int steps, long seed,
                                     double[] parameters) {
        RnnNetwork net = create(spec, learningRate, steps, seed);
        long expected = net.network.numParams();
        if (parameters.length != expected) {
            throw new IllegalArgumentException("the model has " + expected + " weights, the file " + parameters.length);
        }
        net.network.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, 'c'));
        return net;
    }

    private SequenceModelLayerImpl layer() {
        return (SequenceModelLayerImpl) network.getLayer(0);
    }

    private SequenceModel arithmetic() {
        return ((SequenceModelLayer) network.getLayer(0).conf().getLayer()).network();
    }

    /** The model the layer runs. */
    public SequenceModel model() {
        return arithmetic();
    }

    public void useWorkers(Workers workers) {
        layer().useWorkers(workers);
    }

    /**
     * Full-batch training data as DL4J arrays; the layer keeps their plain-array form, so that steps on this batch
     * copy nothing out of ND4J. The batch must not be changed in place.
     */
    public DataSet batch(double[] inputs, double[] targets) {
        int sequences = inputs.length / (steps * arithmetic().inputs());
        INDArray features = toDl4j(inputs, sequences, arithmetic().inputs());
        INDArray labels = toDl4j(targets, sequences, arithmetic().outputs());
        layer().knowBatch(features, inputs.clone(), labels, targets.clone());
        return new DataSet(features, labels);
    }

    private INDArray toDl4j(double[] values, int sequences, int features) {
        return Nd4j.create(values, new long[] {sequences, steps, features}, 'c').permute(0, 2, 1).dup('c');
    }

    /**
     * One Adam step on the whole batch.
     *
     * @return the training loss of this step (dropout on) as PyTorch's MSELoss reports it
     */
    public double step(DataSet batch) {
        network.fit(batch);
        return network.score();
    }

    /** Runs without dropout: decoder outputs and latent factors. */
    public SequenceModel.Pass predict(double[] inputs) {
        return layer().predict(inputs, inputs.length / (steps * arithmetic().inputs()), steps);
    }

    /** The weights, in PyTorch's parameter order (see the model). */
    public double[] parameters() {
        return network.params().toDoubleVector();
    }

    public int steps() {
        return steps;
    }
}
