package org.spikescope.spikes.learned;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * One network of a learned spike-inference model: a stack of dilated 1-D convolutions (ReLU) over ΔF/F and a
 * read-out per frame (ReLU: quiet frames get exactly 0, not noise around it), giving the expected spikes of every
 * frame from the frames around it, trained on mean squared error. CASCADE (Rupprecht et al. 2021)
 * applies its network to one window per frame; this one is fully convolutional, so a trace is one pass and each
 * layer is computed once per frame, not once per frame and window position.
 */
public final class SpikeNetwork {

    /**
     * @param channels  feature maps per convolution
     * @param kernel    taps per convolution
     * @param dilations one convolution per entry, its dilation
     */
    public record Architecture(int channels, int kernel, int[] dilations) {

        public Architecture {
            if (channels < 1 || kernel < 1 || kernel % 2 == 0 || dilations.length == 0) {
                throw new IllegalArgumentException("a network needs channels ≥ 1, an odd kernel and one layer or more");
            }
            dilations = dilations.clone();
        }

        /** Frames either side of a frame that its output sees. */
        public int reach() {
            int r = 0;
            for (int d : dilations) {
                r += d * (kernel - 1) / 2;
            }
            return r;
        }
    }

    private final Architecture architecture;
    private final MultiLayerNetwork network;

    private SpikeNetwork(Architecture architecture, MultiLayerNetwork network) {
        this.architecture = architecture;
        this.network = network;
    }

    public static SpikeNetwork create(Architecture a, double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                // bursts of many spikes give rare, huge gradients; clipping them kept training stable
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(1.0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int in = 1;
        for (int d : a.dilations()) {
            list.layer(new Convolution1DLayer.Builder().kernelSize(a.kernel()).dilation(d).nIn(in)
                    .nOut(a.channels()).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build());
            in = a.channels();
        }
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.RELU)
                .weightInit(WeightInit.XAVIER).nIn(in).nOut(1).build());
        MultiLayerConfiguration conf = list.setInputType(InputType.recurrent(1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new SpikeNetwork(a, network);
    }

    /** A network of {@code a} with the given weights (in {@link #parameters()}'s order). */
    public static SpikeNetwork restore(Architecture a, float[] parameters) {
        SpikeNetwork net = create(a, 1e-3, 0);
        if (parameters.length != net.network.numParams()) {
            throw new IllegalArgumentException("the architecture has " + net.network.numParams() + " weights, "
                    + parameters.length + " were given");
        }
        net.network.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, 'c'));
        return net;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The weights, flattened in DL4J's order. */
    public float[] parameters() {
        return network.params().dup().data().asFloat();
    }

    public static long parameterCount(Architecture a) {
        return create(a, 1e-3, 0).network.numParams();
    }

    /**
     * One Adam step on a batch of segments ({@code inputs[i]} and {@code targets[i]} of one length); frames
     * within {@link Architecture#reach()} of a segment's ends are not scored (they see past its edge).
     *
     * @return the batch's mean squared error per scored frame
     */
    public double step(float[][] inputs, float[][] targets) {
        int batch = inputs.length;
        int length = inputs[0].length;
        float[] x = new float[batch * length];
        float[] y = new float[batch * length];
        float[] mask = new float[batch * length];
        int reach = architecture.reach();
        for (int i = 0; i < batch; i++) {
            System.arraycopy(inputs[i], 0, x, i * length, length);
            System.arraycopy(targets[i], 0, y, i * length, length);
            for (int t = reach; t < length - reach; t++) {
                mask[i * length + t] = 1;
            }
        }
        INDArray features = Nd4j.create(x, new long[] {batch, 1, length}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {batch, 1, length}, 'c');
        INDArray labelMask = Nd4j.create(mask, new long[] {batch, length}, 'c');
        network.fit(new DataSet(features, labels, null, labelMask));
        return network.score();
    }

    /** Expected spikes per frame for a trace with no NaN (values near the ends see zeros past them). */
    public float[] predict(float[] trace) {
        INDArray out = network.output(Nd4j.create(trace, new long[] {1, 1, trace.length}, 'c'), false);
        return out.data().asFloat();
    }
}
