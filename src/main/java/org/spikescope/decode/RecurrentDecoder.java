package org.spikescope.decode;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A DL4J recurrent classifier, many-to-one: an LSTM reads each trial's neurons bin by bin, and its last state goes
 * through a softmax layer. Each neuron is standardised over the training trials' bins; full-batch Adam.
 */
public final class RecurrentDecoder implements Decoder {

    private final int neurons;
    private final int bins;
    private final int hidden;
    private final int epochs;
    private final long seed;

    public RecurrentDecoder(int neurons, int bins, int hidden, int epochs, long seed) {
        this.neurons = neurons;
        this.bins = bins;
        this.hidden = hidden;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public Fitted fit(double[][] x, int[] y, int classes) {
        double[] mean = new double[neurons];
        double[] sd = new double[neurons];
        for (double[] trial : x) {
            for (int j = 0; j < neurons; j++) {
                for (int t = 0; t < bins; t++) {
                    mean[j] += trial[j * bins + t] / (x.length * bins);
                }
            }
        }
        for (double[] trial : x) {
            for (int j = 0; j < neurons; j++) {
                for (int t = 0; t < bins; t++) {
                    double e = trial[j * bins + t] - mean[j];
                    sd[j] += e * e / (x.length * bins);
                }
            }
        }
        for (int j = 0; j < neurons; j++) {
            sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 1;
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .l2(1e-4)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(neurons).nOut(hidden).activation(Activation.TANH)
                        .build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(neurons, bins))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray labels = Nd4j.zeros(DataType.FLOAT, y.length, classes);
        for (int i = 0; i < y.length; i++) {
            labels.putScalar(i, y[i], 1);
        }
        DataSet data = new DataSet(batch(x, mean, sd), labels);
        for (int e = 0; e < epochs; e++) {
            net.fit(data);
        }
        return features -> net.output(batch(new double[][] {features}, mean, sd)).argMax(1).getInt(0);
    }

    /** Trials as DL4J's [trial, neuron, bin], standardised per neuron. */
    private INDArray batch(double[][] x, double[] mean, double[] sd) {
        float[] flat = new float[x.length * neurons * bins];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < neurons; j++) {
                for (int t = 0; t < bins; t++) {
                    flat[(i * neurons + j) * bins + t] = (float) ((x[i][j * bins + t] - mean[j]) / sd[j]);
                }
            }
        }
        return Nd4j.create(flat, new long[] {x.length, neurons, bins}, 'c');
    }
}
