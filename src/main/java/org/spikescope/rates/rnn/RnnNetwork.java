package org.spikescope.rates.rnn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.spikescope.core.Workers;

import java.io.File;
import java.io.IOException;

/**
 * BlechRNN's model as a DL4J network: the {@link AutoencoderRnnLayer} followed by an identity MSE loss layer, trained
 * full batch by Adam. Arrays are {@code [sequence][step][feature]} on the way in and out.
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
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new Adam(learningRate))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new AutoencoderRnnLayer(inputs, hidden, outputs, dropout, seed))
                .layer(new RnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new RnnNetwork(network, steps);
    }

    public static RnnNetwork load(File file, int steps) throws IOException {
        return new RnnNetwork(ModelSerializer.restoreMultiLayerNetwork(file, true), steps);
    }

    public void save(File file) throws IOException {
        ModelSerializer.writeModel(network, file, true);
    }

    private AutoencoderRnnLayerImpl layer() {
        return (AutoencoderRnnLayerImpl) network.getLayer(0);
    }

    private AutoencoderRnn arithmetic() {
        return ((AutoencoderRnnLayer) network.getLayer(0).conf().getLayer()).network();
    }

    public void useWorkers(Workers workers) {
        layer().useWorkers(workers);
    }

    /** Full-batch training data, kept as DL4J arrays so that each step copies nothing in. */
    public DataSet batch(double[] inputs, double[] targets) {
        int sequences = inputs.length / (steps * arithmetic().inputs());
        return new DataSet(toDl4j(inputs, sequences, arithmetic().inputs()),
                toDl4j(targets, sequences, arithmetic().outputs()));
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
        // DL4J's MSE sums over time steps and averages over outputs and sequences: divide by the steps
        return network.score() / steps;
    }

    /** Runs without dropout: decoder outputs and latent factors. */
    public AutoencoderRnn.Pass predict(double[] inputs) {
        int sequences = inputs.length / (steps * arithmetic().inputs());
        return layer().predict(toDl4j(inputs, sequences, arithmetic().inputs()));
    }

    /** The weights, in PyTorch's parameter order (see {@link AutoencoderRnn}). */
    public double[] parameters() {
        return network.params().toDoubleVector();
    }

    public int steps() {
        return steps;
    }
}
